import { describe, expect, it } from "vitest";
import { cpsWindow, decideLimits, decideSpaceCaps, type LimitInput } from "./limits";

const base: LimitInput = { accountLive: 0, maxConcurrentCalls: null, recentStarts: [], callsPerSecond: null, batchLive: null, batchMaxConcurrency: null };
const now = new Date(100_000);

describe("the dispatcher's limits", () => {
  it("dials when nothing is limited", () => {
    expect(decideLimits(base, now)).toEqual({ ok: true });
  });
  it("waits for a channel when the account's calls, inbound ones included, fill its channels", () => {
    expect(decideLimits({ ...base, accountLive: 1, maxConcurrentCalls: 2 }, now)).toEqual({ ok: true });
    const d = decideLimits({ ...base, accountLive: 2, maxConcurrentCalls: 2 }, now);
    expect(d).toMatchObject({ ok: false, reason: "Waiting for a free channel: the account's 2 channels are all in use." });
  });
  it("waits for the batch's own maximum", () => {
    expect(decideLimits({ ...base, batchLive: 3, batchMaxConcurrency: 3 }, now)).toMatchObject({ ok: false, reason: expect.stringContaining("batch") });
  });
  it("spaces calls by the calls-per-second limit, waiting exactly until the window frees a slot", () => {
    const starts = [new Date(99_300), new Date(99_700)];
    expect(decideLimits({ ...base, callsPerSecond: 3, recentStarts: starts }, now)).toEqual({ ok: true });
    expect(decideLimits({ ...base, callsPerSecond: 2, recentStarts: starts }, now)).toEqual({ ok: false, waitMs: 300, reason: "Waiting for the account's limit of 2 calls per second." });
    // Starts older than the window no longer count.
    expect(decideLimits({ ...base, callsPerSecond: 1, recentStarts: [new Date(98_000)] }, now)).toEqual({ ok: true });
  });
  it("reads a fraction as one call per longer window", () => {
    expect(cpsWindow(0.5)).toEqual({ windowMs: 2000, allowed: 1 });
    expect(cpsWindow(2.7)).toEqual({ windowMs: 1000, allowed: 2 });
    expect(decideLimits({ ...base, callsPerSecond: 0.5, recentStarts: [new Date(99_000)] }, now)).toMatchObject({ ok: false, waitMs: 1000 });
  });
});

describe("the Space's caps in the dispatcher", () => {
  const space = { spaceLive: 0, concurrentCalls: 2, capthLatestStart: null as Date | null, callsPerMinute: 3 };
  it("waits while the Space's concurrent calls are all in use", () => {
    expect(decideSpaceCaps({ ...space, spaceLive: 1 }, now)).toEqual({ ok: true });
    expect(decideSpaceCaps({ ...space, spaceLive: 2 }, now)).toMatchObject({ ok: false, reason: "Waiting: the Space already has 2 calls in progress (its cap of concurrent calls)." });
  });
  it("spaces calls by the per-minute cap, waiting until the oldest start leaves the minute", () => {
    // Three starts in the minute (50 s, 70 s, 90 s): the third latest, at 50 s, leaves it at 110 s.
    expect(decideSpaceCaps({ ...space, capthLatestStart: new Date(50_000) }, now)).toEqual({ ok: false, waitMs: 10_000, reason: "Waiting for the Space's cap of 3 calls per minute." });
    // Fewer than three in the minute, or the third latest already out of it.
    expect(decideSpaceCaps({ ...space, capthLatestStart: null }, now)).toEqual({ ok: true });
    expect(decideSpaceCaps({ ...space, capthLatestStart: new Date(30_000) }, now)).toEqual({ ok: true });
  });
});
