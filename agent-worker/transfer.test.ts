import { describe, expect, it } from "vitest";
import { CallTransfer } from "./transfer";

function deps(answer: { ok: true; attempts: number; body?: unknown } | { ok: false; attempts: number; reason: string }) {
  const steps: string[] = [];
  return {
    steps,
    d: {
      request: async (destination: string) => {
        steps.push(`request ${destination}`);
        return answer;
      },
      say: async (text: string) => void steps.push(`say ${text}`),
      log: () => undefined,
    },
  };
}

describe("CallTransfer", () => {
  it("says it transfers, asks the console, and says nothing more once transferred", async () => {
    const { steps, d } = deps({ ok: true, attempts: 1, body: { outcome: "transferred", detail: "Transferred to sales." } });
    expect(await new CallTransfer(d).to("sales")).toEqual({ transferred: true, detail: "Transferred to sales." });
    expect(steps).toEqual(["say Please hold while I transfer you to sales.", "request sales"]);
  });

  it("tells the caller when the transfer failed, and stays on the call", async () => {
    const { steps, d } = deps({ ok: true, attempts: 1, body: { outcome: "failed", detail: "Transfer to sales failed: the PBX refused it (SIP 603)." } });
    expect(await new CallTransfer(d).to("sales")).toMatchObject({ transferred: false, detail: expect.stringContaining("603") });
    expect(steps.at(-1)).toBe("say Sorry, I could not transfer you to sales. I am still here to help.");
    const down = deps({ ok: false, attempts: 1, reason: "the console is unreachable" });
    expect(await new CallTransfer(down.d).to("sales")).toEqual({ transferred: false, detail: "the console is unreachable" });
  });

  it("runs one transfer at a time", async () => {
    let release = () => undefined as void;
    const gate = new Promise<void>((r) => (release = r));
    const t = new CallTransfer({
      request: async () => {
        await gate;
        return { ok: true, attempts: 1, body: { outcome: "transferred", detail: "ok" } };
      },
      say: async () => undefined,
      log: () => undefined,
    });
    const first = t.to("sales");
    expect(await t.to("support")).toEqual({ transferred: false, detail: "A transfer is already under way." });
    release();
    expect((await first).transferred).toBe(true);
  });
});
