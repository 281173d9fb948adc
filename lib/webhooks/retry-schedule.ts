// How long a failing delivery waits before each retry: exponential back-off from 5 seconds,
// capped at 8 hours, 11 retries over about 31 hours (the issue asks for at least 24). After
// the last one the delivery is marked failed; Redeliver starts the schedule again.

export const DEFAULT_RETRY_SCHEDULE_SECONDS = [5, 30, 120, 600, 1800, 3600, 7200, 14400, 28800, 28800, 28800] as const;

/** An endpoint failing without a single success for this long is disabled (3 days). */
export const DEFAULT_DISABLE_AFTER_SECONDS = 3 * 24 * 3600;

/** The wait before retry number `step + 1`, or null when the schedule is exhausted. */
export function retryDelaySeconds(schedule: readonly number[], step: number): number | null {
  return step < schedule.length ? schedule[step]! : null;
}

/** Parses "5,30,120" (seconds); throws a message naming the bad entry. */
export function parseRetrySchedule(text: string): number[] {
  const parts = text.split(",").map((p) => p.trim());
  return parts.map((p, i) => {
    const n = Number(p);
    if (!Number.isFinite(n) || n <= 0 || n > 7 * 24 * 3600) throw new Error(`retry schedule entry ${i + 1} ("${p}") must be seconds between 0 and 604800`);
    return n;
  });
}
