import { describe, expect, it } from "vitest";
import { readCappedBody, withBodyText } from "./read-capped-body";

function chunked(parts: string[], onPull?: () => void): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      onPull?.();
      if (i < parts.length) controller.enqueue(enc.encode(parts[i++]));
      else controller.close();
    },
  }, { highWaterMark: 0 });
}

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://x/y", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readCappedBody", () => {
  it("reads a body at or under the cap", async () => {
    expect(await readCappedBody(post("a".repeat(10)), 10)).toEqual({ ok: true, text: "a".repeat(10) });
  });

  it("refuses a declared Content-Length over the cap without reading", async () => {
    let pulls = 0;
    const r = post(chunked(["x"], () => pulls++), { "content-length": "11" });
    expect(await readCappedBody(r, 10)).toEqual({ ok: false, reason: "too-large" });
    expect(pulls).toBe(0);
  });

  it("stops a chunked body (no Content-Length) at the first chunk over the cap", async () => {
    let pulls = 0;
    const r = post(chunked(["aaaa", "bbbb", "cccc", "dddd", "eeee"], () => pulls++));
    expect(r.headers.get("content-length")).toBeNull();
    expect(await readCappedBody(r, 10)).toEqual({ ok: false, reason: "too-large" });
    expect(pulls).toBeLessThan(5);
  });

  it("counts bytes, not characters", async () => {
    expect((await readCappedBody(post("é".repeat(6)), 11)).ok).toBe(false);
    expect((await readCappedBody(post("é".repeat(5)), 11)).ok).toBe(true);
  });

  it("gives handlers a request they can read again", async () => {
    const copy = withBodyText(post("{}", { "content-type": "application/json", "content-length": "2" }), '{"a":1}');
    expect(await copy.json()).toEqual({ a: 1 });
    expect(copy.headers.get("content-type")).toBe("application/json");
  });
});
