// Whether a queued call may be dialled now under its account's and its batch's limits, and
// if not, how long to wait and why (in the operator's words). Pure: the counts come from
// claim-call.ts, which reads them under the Space's lock.

export type LimitInput = {
  /** The account's calls dialling, ringing or up, inbound included (they hold channels too). */
  accountLive: number;
  maxConcurrentCalls: number | null;
  /** Start times of the account's calls dialled within the calls-per-second window. */
  recentStarts: Date[];
  callsPerSecond: number | null;
  batchLive: number | null;
  batchMaxConcurrency: number | null;
};

export type LimitDecision = { ok: true } | { ok: false; waitMs: number; reason: string };

/** How many calls may start in how long a window for a calls-per-second figure (0.5/s: 1 per 2 s). */
export function cpsWindow(callsPerSecond: number): { windowMs: number; allowed: number } {
  if (callsPerSecond >= 1) return { windowMs: 1000, allowed: Math.floor(callsPerSecond) };
  return { windowMs: Math.round(1000 / callsPerSecond), allowed: 1 };
}

/** The window's length for an account (what claim-call.ts reads back). */
export function cpsWindowMs(callsPerSecond: number | null): number {
  return callsPerSecond ? cpsWindow(callsPerSecond).windowMs : 0;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

// A channel frees when some call ends, which nobody announces here: look again soon.
const CHANNEL_RECHECK_MS = 1000;

export function decideLimits(input: LimitInput, now: Date): LimitDecision {
  if (input.maxConcurrentCalls !== null && input.accountLive >= input.maxConcurrentCalls) {
    return { ok: false, waitMs: CHANNEL_RECHECK_MS, reason: `Waiting for a free channel: the account's ${plural(input.maxConcurrentCalls, "channel")} are all in use.` };
  }
  if (input.batchMaxConcurrency !== null && input.batchLive !== null && input.batchLive >= input.batchMaxConcurrency) {
    return { ok: false, waitMs: CHANNEL_RECHECK_MS, reason: `Waiting: the batch already has ${plural(input.batchMaxConcurrency, "call")} in progress (its maximum).` };
  }
  if (input.callsPerSecond !== null) {
    const { windowMs, allowed } = cpsWindow(input.callsPerSecond);
    const inWindow = input.recentStarts.filter((d) => now.getTime() - d.getTime() < windowMs).sort((a, b) => a.getTime() - b.getTime());
    if (inWindow.length >= allowed) {
      // The earliest start leaving the window frees the next slot.
      const oldest = inWindow[inWindow.length - allowed]!;
      return { ok: false, waitMs: Math.max(10, oldest.getTime() + windowMs - now.getTime()), reason: `Waiting for the account's limit of ${input.callsPerSecond} calls per second.` };
    }
  }
  return { ok: true };
}

/** The Space's caps (lib/calls/policy/caps.ts) as the dispatcher applies them to queued calls. */
export type SpaceCapInput = {
  /** The Space's outbound calls dialling, ringing or up. */
  spaceLive: number;
  concurrentCalls: number;
  /**
   * The start of the Space's callsPerMinute-th latest outbound call, when it lies within the
   * last minute (the cap is reached until it leaves the minute); null when fewer started.
   * One row, not the minute's starts: a Space dialling hundreds a minute claims as cheaply.
   */
  capthLatestStart: Date | null;
  callsPerMinute: number;
};

export const MINUTE_MS = 60_000;

export function decideSpaceCaps(input: SpaceCapInput, now: Date): LimitDecision {
  if (input.spaceLive >= input.concurrentCalls) {
    return { ok: false, waitMs: CHANNEL_RECHECK_MS, reason: `Waiting: the Space already has ${plural(input.concurrentCalls, "call")} in progress (its cap of concurrent calls).` };
  }
  const oldest = input.capthLatestStart;
  if (oldest && now.getTime() - oldest.getTime() < MINUTE_MS) {
    return { ok: false, waitMs: Math.max(10, oldest.getTime() + MINUTE_MS - now.getTime()), reason: `Waiting for the Space's cap of ${plural(input.callsPerMinute, "call")} per minute.` };
  }
  return { ok: true };
}
