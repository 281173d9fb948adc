import { describe, expect, it } from "vitest";
import { reportAnswered } from "./answer-report";

const call = { roomName: "call_+15550100999_Ab12", participantIdentity: "sip_+15550100999" };
const config = { url: "http://console.test:3000", token: "t".repeat(40), timeoutMs: 500, retryDelayMs: 1 };

function fakeFetch(statuses: (number | Error)[]) {
  const seen: { url: string; auth: string | null; body: unknown }[] = [];
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input), auth: new Headers(init?.headers).get("authorization"), body: JSON.parse(String(init?.body)) });
    const next = statuses[Math.min(seen.length - 1, statuses.length - 1)]!;
    if (next instanceof Error) throw next;
    return new Response(null, { status: next });
  }) as typeof fetch;
  return { f, seen };
}

describe("reportAnswered", () => {
  it("posts the room and SIP identity to the console's internal API with the worker's token", async () => {
    const { f, seen } = fakeFetch([204]);
    expect(await reportAnswered(call, config, f)).toEqual({ ok: true, attempts: 1 });
    expect(seen).toEqual([{ url: "http://console.test:3000/api/internal/calls/answered", auth: `Bearer ${config.token}`, body: call }]);
  });

  it("tries again while the console does not know the call yet, or is down, then gives up with the reason", async () => {
    expect(await reportAnswered(call, config, fakeFetch([404, 503, 204]).f)).toEqual({ ok: true, attempts: 3 });
    expect(await reportAnswered(call, { ...config, attempts: 3 }, fakeFetch([404]).f)).toEqual({ ok: false, attempts: 3, reason: "the console answered 404" });
    expect(await reportAnswered(call, { ...config, attempts: 2 }, fakeFetch([new TypeError("fetch failed")]).f)).toEqual({ ok: false, attempts: 2, reason: "the console is unreachable" });
  });

  it("does not repeat a refusal, and sends nothing without the console's URL and token", async () => {
    const refused = fakeFetch([401]);
    expect(await reportAnswered(call, config, refused.f)).toEqual({ ok: false, attempts: 1, reason: "the console answered 401" });
    const none = fakeFetch([204]);
    expect(await reportAnswered(call, { ...config, token: undefined }, none.f)).toMatchObject({ ok: false, attempts: 0 });
    expect(none.seen).toEqual([]);
  });
});
