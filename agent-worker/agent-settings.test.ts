import { describe, expect, it } from "vitest";
import { DEFAULT_AGENT, loadAgentForCall } from "./agent-settings";
import type { CallTarget } from "./call-metadata";

const target: CallTarget = { number: "+14155550123", agentId: "agent_1", spaceId: "space_1", accountId: "acct_1", phoneNumberId: "pn_1", direction: "inbound", callId: null, numberSource: "metadata", metadataProblem: null, variables: {} };
const config = { url: "http://console.test:3000", token: "t".repeat(40), timeoutMs: 500 };
const agent = { id: "agent_1", name: "Desk", greeting: "Hi.", instructions: "Be brief.", language: "en-GB", voice: null, sttProvider: "offline", llmProvider: "offline", ttsProvider: "offline" };

function fakeFetch(respond: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; auth: string | null }[] = [];
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), auth: new Headers(init?.headers).get("authorization") });
    return respond(String(input), init);
  }) as typeof fetch;
  return { f, calls };
}

describe("loadAgentForCall", () => {
  it("asks the console for the number's agent in the metadata's Space, with the worker's token", async () => {
    const { f, calls } = fakeFetch(() => Response.json({ agent }));
    const loaded = await loadAgentForCall(target, config, f);
    // An answer without the call-ending settings (an older console): the agent only ends a call by its tool.
    expect(loaded).toEqual({ settings: { ...agent, endCallEnabled: true, maxCallSeconds: null, silenceTimeoutSeconds: null, transferDestinations: [] }, source: "console", reason: null });
    expect(calls).toEqual([{ url: "http://console.test:3000/api/internal/agents/agent_1?spaceId=space_1", auth: `Bearer ${config.token}` }]);
  });

  it("takes the agent's call-ending settings when the console sends them", async () => {
    const ending = { endCallEnabled: false, maxCallSeconds: 300, silenceTimeoutSeconds: 20 };
    const loaded = await loadAgentForCall(target, config, fakeFetch(() => Response.json({ agent: { ...agent, ...ending } })).f);
    expect(loaded.settings).toMatchObject(ending);
  });

  it("uses the default agent, with the reason, whenever the console cannot answer", async () => {
    const cases: [() => Response | Promise<Response>, string][] = [
      [() => new Response(null, { status: 404 }), "the console knows no such agent (404)"],
      [() => new Response(null, { status: 401 }), "the console refused the worker's token (401)"],
      [() => new Response(null, { status: 500 }), "the console answered 500"],
      [() => Response.json({ agent: { id: "x" } }), "the console's answer is not an agent"],
      [() => Promise.reject(new TypeError("fetch failed")), "the console is unreachable"],
    ];
    for (const [respond, reason] of cases) {
      const loaded = await loadAgentForCall(target, config, fakeFetch(respond).f);
      expect(loaded).toEqual({ settings: DEFAULT_AGENT, source: "default", reason });
    }
  });

  it("times out instead of holding the call", async () => {
    const hang = fakeFetch((_u, init) => new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason))));
    const loaded = await loadAgentForCall(target, { ...config, timeoutMs: 100 }, hang.f);
    expect(loaded.reason).toBe("the console did not answer within 100 ms");
  });

  it("does not ask at all when no agent is assigned, no Space is named or the console is not configured", async () => {
    const { f, calls } = fakeFetch(() => Response.json({ agent }));
    expect((await loadAgentForCall({ ...target, agentId: null }, config, f)).reason).toBe("no agent is assigned to the number");
    expect((await loadAgentForCall({ ...target, spaceId: null }, config, f)).source).toBe("default");
    expect((await loadAgentForCall(target, { ...config, token: undefined }, f)).reason).toBe("CONSOLE_INTERNAL_URL or WORKER_INTERNAL_TOKEN is not set");
    expect(calls).toEqual([]);
  });
});
