import "server-only";
import { serverEnv } from "@/lib/env";
import type { RateLimitedOperation } from "./budgets";
import type { CountCaps } from "./count-caps";
import type { RateLimits, RateLimitTicket } from "./limiter";
import { createBudgetPool, createPostgresCountCaps, createPostgresRateLimits, type BudgetPool } from "./postgres-store";

// The one door services use. A new limited operation is a budget in ./budgets.ts and one
// `withRateLimit(...)` around its service.

// The pool on globalThis, so every bundle of the process (and dev's hot reloads) shares its
// connections; the limiters per module copy (see createPostgresRateLimits for why).
const globalForLimits = globalThis as typeof globalThis & { __switchboardBudgetPool?: BudgetPool };
let limits: RateLimits | undefined;
let caps: CountCaps | undefined;

/** The process's connections to the budgets table; other limiters (sign-in) share them. */
export function sharedBudgetPool(): BudgetPool {
  globalForLimits.__switchboardBudgetPool ??= createBudgetPool(serverEnv().DATABASE_URL);
  return globalForLimits.__switchboardBudgetPool;
}

function rateLimits(): RateLimits {
  limits ??= createPostgresRateLimits(sharedBudgetPool());
  return limits;
}

/**
 * Runs `fn` on one point of the Space's `operation` budget: throws RateLimitedError when it is
 * spent, gives the point back when `fn` throws a refusal (not found, forbidden, invalid).
 */
export function withRateLimit<T>(operation: RateLimitedOperation, spaceId: string, fn: () => Promise<T>): Promise<T> {
  return rateLimits().withRateLimit(operation, spaceId, fn);
}

/** The point alone, for a service that decides itself when to `refund` it. */
export function consumeRateLimit(operation: RateLimitedOperation, spaceId: string): Promise<RateLimitTicket> {
  return rateLimits().consumeRateLimit(operation, spaceId);
}

/** Takes points of a Space's outbound cap (calls per minute, per day); see ./count-caps.ts. */
export const takeCap: CountCaps["takeCap"] = (...args) => {
  caps ??= createPostgresCountCaps(sharedBudgetPool());
  return caps.takeCap(...args);
};
