import { describe, expect, it } from "vitest";
import type { ConsolePostOutcome } from "./console-post";
import { TranscriptRecorder, type TranscriptTurn } from "./transcript";

function recorder(outcomes: boolean[]) {
  const sent: TranscriptTurn[][] = [];
  const failures: string[] = [];
  let i = 0;
  const r = new TranscriptRecorder(
    async (turns): Promise<ConsolePostOutcome> => {
      const ok = outcomes[Math.min(i++, outcomes.length - 1)];
      if (ok) sent.push(turns);
      return ok ? { ok: true, attempts: 1 } : { ok: false, attempts: 3, reason: "the console answered 503" };
    },
    (reason) => failures.push(reason),
  );
  return { r, sent, failures };
}

describe("TranscriptRecorder", () => {
  it("numbers the turns in order and sends each as it comes", async () => {
    const { r, sent } = recorder([true]);
    r.add({ speaker: "agent", kind: "speech", text: " Hello there. ", at: new Date("2026-01-01T10:00:00Z") });
    r.add({ speaker: "caller", kind: "key", text: "5" });
    r.add({ speaker: "agent", kind: "speech", text: "You pressed 5.", interrupted: true });
    await r.drain();
    const turns = sent.flat();
    expect(turns.map((t) => [t.seq, t.speaker, t.kind, t.text, t.interrupted])).toEqual([
      [0, "agent", "speech", "Hello there.", false],
      [1, "caller", "key", "5", false],
      [2, "agent", "speech", "You pressed 5.", true],
    ]);
    expect(turns[0]!.at).toBe("2026-01-01T10:00:00.000Z");
  });

  it("keeps turns the console did not take and sends them with the next, never twice", async () => {
    const { r, sent, failures } = recorder([false, true]);
    r.add({ speaker: "agent", kind: "speech", text: "Greeting." });
    await r.drain();
    expect(failures).toEqual(["the console answered 503"]);
    r.add({ speaker: "caller", kind: "speech", text: "I need a room." });
    await r.drain();
    expect(sent.flat().map((t) => t.seq)).toEqual([0, 1]);
  });

  it("skips empty turns", async () => {
    const { r, sent } = recorder([true]);
    r.add({ speaker: "caller", kind: "speech", text: "   " });
    await r.drain();
    expect(sent).toEqual([]);
  });
});
