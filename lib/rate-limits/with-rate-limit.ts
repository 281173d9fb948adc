import "server-only";
import { serverEnv } from "@/lib/env";
import type { RateLimitedOperation } from "./budgets";
import type { RateLimitTicket } from "./limiter";
import { createPostgresRateLimits, type PostgresRateLimits } from "./postgres-store";

// The one door services use. A new limited operation is a budget in ./budgets.ts and one
// `withRateLimit(...)` around its service.

// On globalThis so every route bundle of the process (and dev's hot reloads) shares one pool.
const globalForLimits = globalThis as typeof globalThis & { __switchboardRateLimits?: PostgresRateLimits };

function rateLimits(): PostgresRateLimits {
  globalForLimits.__switchboardRateLimits ??= createPostgresRateLimits(serverEnv().DATABASE_URL);
  return globalForLimits.__switchboardRateLimits;
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
