import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from "@/lib/errors";
import { rateLimitedMessage, type RateLimitedOperation } from "./budgets";

// The rules around a store of budgets, whatever holds them: PostgreSQL in the app
// (./postgres-store.ts), memory in unit tests. Pure, so both run the same code.

/** The part of a rate-limiter-flexible limiter used here; every store has it. */
export type BudgetStore = Pick<RateLimiterAbstract, "consume" | "reward">;
/** The store of one operation; may reject while the store cannot be reached. */
export type StoreFor = (operation: RateLimitedOperation) => Promise<BudgetStore>;

/** A point taken; `refund` gives it back. */
export type RateLimitTicket = { refund(): Promise<void> };

export type RateLimits = {
  /** Takes one point of `operation` for `key`; throws RateLimitedError when none is left. */
  consumeRateLimit(operation: RateLimitedOperation, key: string): Promise<RateLimitTicket>;
  /** Runs `fn` on one point; a refusal thrown by `fn` gives the point back. */
  withRateLimit<T>(operation: RateLimitedOperation, key: string, fn: () => Promise<T>): Promise<T>;
};

/**
 * Errors the faces answer with a 4xx (lib/api/problem.ts, lib/actions/to-action-error.ts):
 * nothing reached LiveKit, so only work done counts against the budget. An UpstreamError
 * (503) or an unknown error (500) keeps its point: LiveKit may have been asked.
 */
export function isRefusal(err: unknown): boolean {
  return err instanceof NotFoundError || err instanceof ForbiddenError || err instanceof ValidationError || err instanceof ConflictError;
}

const noRefund: RateLimitTicket = { refund: async () => {} };

// Fail open: a limit protects LiveKit from bursts; it is not worth refusing the request (or
// answering a 500) because the database holding the budgets is down or slow.
function failOpen(operation: RateLimitedOperation, err: unknown): RateLimitTicket {
  console.error(`[rate-limits] ${operation} not limited: the budget store failed:`, errorText(err));
  return noRefund;
}

export function createRateLimits(storeFor: StoreFor): RateLimits {
  const consumeRateLimit = async (operation: RateLimitedOperation, key: string): Promise<RateLimitTicket> => {
    let store: BudgetStore;
    try {
      store = await storeFor(operation);
    } catch (err) {
      return failOpen(operation, err);
    }
    const refund = async () => {
      try {
        await store.reward(key, 1);
      } catch (err) {
        console.error(`[rate-limits] ${operation} refund lost:`, errorText(err));
      }
    };
    try {
      await store.consume(key);
    } catch (err) {
      // rate-limiter-flexible rejects with a RateLimiterRes when the budget is spent, and
      // with an Error when its store failed.
      if (!(err instanceof RateLimiterRes)) return failOpen(operation, err);
      // The store counted the refused attempt too. A 429 is a refusal, so it gives its point
      // back: otherwise a burst of 429s would outweigh a later refund of a 404.
      await refund();
      const retryAfterSeconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      throw new RateLimitedError(rateLimitedMessage(operation, retryAfterSeconds), retryAfterSeconds);
    }
    return { refund };
  };

  const withRateLimit = async <T>(operation: RateLimitedOperation, key: string, fn: () => Promise<T>): Promise<T> => {
    const ticket = await consumeRateLimit(operation, key);
    try {
      return await fn();
    } catch (err) {
      if (isRefusal(err)) await ticket.refund();
      throw err;
    }
  };

  return { consumeRateLimit, withRateLimit };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
