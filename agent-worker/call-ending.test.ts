import { afterEach, describe, expect, it, vi } from "vitest";
import { CallEnding, GOODBYES, type EndingReason } from "./call-ending";

function deps() {
  const steps: string[] = [];
  return {
    steps,
    d: {
      report: async (reason: EndingReason, seconds: number | undefined) => {
        steps.push(`report ${reason} ${seconds ?? ""}`.trim());
        return { ok: true };
      },
      say: async (text: string) => void steps.push(`say ${text}`),
      hangUp: async () => void steps.push("hang up"),
      log: () => undefined,
    },
  };
}

afterEach(() => vi.useRealTimers());

describe("CallEnding", () => {
  it("tells the console why, says the goodbye, then hangs up, in that order", async () => {
    const { steps, d } = deps();
    await new CallEnding(d).end("silence", 6);
    expect(steps).toEqual(["report silence 6", `say ${GOODBYES.silence}`, "hang up"]);
  });

  it("ends once: a second reason racing the first joins it", async () => {
    const { steps, d } = deps();
    const ending = new CallEnding(d);
    await Promise.all([ending.end("end_call_tool"), ending.end("max_duration", 30)]);
    expect(steps).toEqual(["report end_call_tool", "hang up"]);
  });

  it("ends at the maximum duration, and not before", async () => {
    vi.useFakeTimers();
    const { steps, d } = deps();
    const ending = new CallEnding(d);
    ending.limitDuration(12);
    await vi.advanceTimersByTimeAsync(11_900);
    expect(steps).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(steps).toEqual(["report max_duration 12", `say ${GOODBYES.max_duration}`, "hang up"]);
  });

  it("hangs up even when the console cannot be told or the goodbye hangs", async () => {
    vi.useFakeTimers();
    const steps: string[] = [];
    const ending = new CallEnding({
      report: async () => ({ ok: false, reason: "the console is unreachable" }),
      say: () => new Promise<void>(() => undefined),
      hangUp: async () => void steps.push("hang up"),
      log: (msg) => steps.push(msg),
    });
    const done = ending.end("silence", 5);
    await vi.advanceTimersByTimeAsync(8_100);
    await done;
    expect(steps).toEqual(["the agent is ending the call", "could not tell the console why the call ends", "hang up"]);
  });
});
