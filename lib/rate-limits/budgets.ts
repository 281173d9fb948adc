// Per-Space budgets of the operations that make LiveKit do work for a whole account or Space.
// Isomorphic (no server imports): the OpenAPI document describes them too.
//
// rate-limiter-flexible counts fixed windows: `points` runs per `durationSeconds`, the window
// starting at the Space's first run. Each budget keeps the burst and the average rate of the
// token bucket it replaced (burst = points, points / duration = the old refill rate); what
// changes is that once spent, the whole window has to pass instead of one refill interval.

export type RateLimitBudget = {
  points: number;
  durationSeconds: number;
  /** Plural noun for messages: "Too many <runs>; try again in N s." */
  runs: string;
};

export const rateLimitBudgets = {
  /** 30 a minute. */
  verify: { points: 30, durationSeconds: 60, runs: "Verify runs" },
  /** 20 per 2 minutes (10 a minute); phone-number refresh spends the same budget. */
  reprovision: { points: 20, durationSeconds: 120, runs: "Reprovisions" },
  /** 3 per 3 minutes (1 a minute): each one reprovisions every account of the Space. */
  "refresh-all": { points: 3, durationSeconds: 180, runs: "Refresh all runs" },
} as const satisfies Record<string, RateLimitBudget>;

export type RateLimitedOperation = keyof typeof rateLimitBudgets;

export function rateLimitedMessage(operation: RateLimitedOperation, retryAfterSeconds: number): string {
  return `Too many ${rateLimitBudgets[operation].runs}; try again in ${retryAfterSeconds} s.`;
}
