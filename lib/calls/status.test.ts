import { describe, expect, it } from "vitest";
import { canMove, durationMs, durationSeconds, failureReasonFor, statusFromSipCallStatus, statusFromSipCode } from "./status";

describe("SIP status mapping", () => {
  it("maps 486 to busy, 408/480/487 to no answer, anything else to failed", () => {
    expect(statusFromSipCode(486)).toBe("busy");
    for (const c of [408, 480, 487]) expect(statusFromSipCode(c)).toBe("no_answer");
    for (const c of [401, 403, 404, 500, 503, undefined]) expect(statusFromSipCode(c)).toBe("failed");
  });
  it("names credentials for 401/407 and never echoes upstream text", () => {
    expect(failureReasonFor(401)).toMatch(/credentials/);
    expect(failureReasonFor(407)).toMatch(/credentials/);
    expect(failureReasonFor(403)).toMatch(/forbidden/);
    expect(failureReasonFor(undefined)).toBe("The call could not be connected.");
  });
  it("maps sip.callStatus dialing/ringing/active; hangup and unknown values do nothing", () => {
    expect(statusFromSipCallStatus("dialing")).toBe("dialing");
    expect(statusFromSipCallStatus("ringing")).toBe("ringing");
    expect(statusFromSipCallStatus("active")).toBe("in_progress");
    expect(statusFromSipCallStatus("hangup")).toBeNull();
    expect(statusFromSipCallStatus(undefined)).toBeNull();
  });
});

describe("the call state machine", () => {
  it("moves forward through the happy path and may skip steps", () => {
    expect(canMove("queued", "dialing")).toBe(true);
    expect(canMove("dialing", "ringing")).toBe(true);
    expect(canMove("ringing", "in_progress")).toBe(true);
    expect(canMove("in_progress", "completed")).toBe(true);
    expect(canMove("queued", "in_progress")).toBe(true);
    expect(canMove("dialing", "in_progress")).toBe(true);
  });
  it("never moves backwards or repeats", () => {
    expect(canMove("in_progress", "ringing")).toBe(false);
    expect(canMove("ringing", "dialing")).toBe(false);
    expect(canMove("dialing", "dialing")).toBe(false);
  });
  it("only completes an answered call; busy and no answer only before the answer", () => {
    expect(canMove("ringing", "completed")).toBe(false);
    expect(canMove("queued", "completed")).toBe(false);
    expect(canMove("ringing", "busy")).toBe(true);
    expect(canMove("dialing", "no_answer")).toBe(true);
    expect(canMove("in_progress", "busy")).toBe(false);
    expect(canMove("in_progress", "failed")).toBe(true);
    expect(canMove("queued", "failed")).toBe(true);
  });
  it("cancels only a call nobody has dialled yet", () => {
    expect(canMove("queued", "cancelled")).toBe(true);
    for (const f of ["dialing", "ringing", "in_progress", "completed"] as const) expect(canMove(f, "cancelled")).toBe(false);
  });
  it("keeps a final status", () => {
    for (const f of ["completed", "failed", "busy", "no_answer", "cancelled"] as const) {
      for (const t of ["dialing", "in_progress", "completed", "failed"] as const) expect(canMove(f, t)).toBe(false);
    }
  });
  it("computes whole-second durations", () => {
    expect(durationSeconds(new Date(1000), new Date(6400))).toBe(5);
    expect(durationSeconds(null, new Date())).toBeNull();
    expect(durationSeconds(new Date(5000), new Date(1000))).toBe(0);
  });
  it("keeps milliseconds", () => {
    expect(durationMs(new Date(1000), new Date(13_012))).toBe(12_012);
    expect(durationMs(new Date(1000), null)).toBeNull();
  });
});
