import { RateLimiterRes } from "rate-limiter-flexible";
import { RateLimitedError } from "@/lib/errors";
import type { BudgetStore, RateLimitTicket } from "./limiter";

// Caps whose size each Space chooses (outbound calls per minute, per day): the same stores as
// the fixed budgets (./limiter.ts), but the store's own limit is out of reach and the cap is
// compared here with the points it reports, so one store serves every Space's cap. A batch
// takes all its calls' points at once and gets them all back when refused.
//
// Windows: "minute" is the store's fixed 60 s window from the Space's first call in it; "day"
// is the UTC calendar day (the date is in the key), so it resets at midnight UTC.

export type CapWindow = "minute" | "day";
export const capWindowSeconds: Record<CapWindow, number> = { minute: 60, day: 86_400 };
/** The store's own limit: never reached, the caps decide. */
export const UNREACHABLE_POINTS = 2_000_000_000;

export type CapStoreFor = (window: CapWindow) => Promise<BudgetStore>;

export type CountCaps = {
  /**
   * Takes `points` of the Space's `window` cap; throws RateLimitedError with `message(wait)`
   * when they would go over `cap`. Fails open (logged) when the store cannot answer.
   */
  takeCap(window: CapWindow, spaceId: string, points: number, cap: number, message: (retryAfterSeconds: number) => string, now?: Date): Promise<RateLimitTicket>;
};

export function capKey(window: CapWindow, spaceId: string, now: Date): string {
  return window === "day" ? `${spaceId}:${now.toISOString().slice(0, 10)}` : spaceId;
}

function secondsToUtcMidnight(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
}

export function createCountCaps(storeFor: CapStoreFor): CountCaps {
  const takeCap: CountCaps["takeCap"] = async (window, spaceId, points, cap, message, now = new Date()) => {
    const key = capKey(window, spaceId, now);
    let store: BudgetStore;
    let res: RateLimiterRes;
    try {
      store = await storeFor(window);
      res = await store.consume(key, points);
    } catch (err) {
      console.error(`[rate-limits] outbound ${window} cap not applied: the budget store failed:`, err instanceof Error ? err.message : String(err));
      return { refund: async () => {} };
    }
    const refund = async () => {
      try {
        await store.reward(key, points);
      } catch (err) {
        console.error(`[rate-limits] outbound ${window} cap refund lost:`, err instanceof Error ? err.message : String(err));
      }
    };
    if (res.consumedPoints > cap) {
      await refund();
      const retryAfterSeconds = window === "day" ? secondsToUtcMidnight(now) : Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw new RateLimitedError(message(retryAfterSeconds), retryAfterSeconds);
    }
    return { refund };
  };
  return { takeCap };
}
