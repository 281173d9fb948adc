import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { RateLimitedError } from "@/lib/errors";
import { SIGN_IN_THROTTLED, SIGN_UP_THROTTLED } from "./throttle-messages";

// Limits on guessing passwords and on mass sign-up, whatever store holds the counts
// (PostgreSQL in the app, ./auth-throttle-store.ts; memory in unit tests).
//
// Every sign-in attempt takes a point from its email's budget and from its source address's
// before the password is checked, so parallel guesses are counted too; a successful one gives
// both back. What is left counts failed sign-ins only. Known and unknown emails are counted
// alike, so being throttled says nothing about whether an account exists.

export type AuthStore = Pick<RateLimiterAbstract, "consume" | "reward" | "delete">;
export type AuthStores = { signInEmail: AuthStore; signInAddress: AuthStore; signUpAddress: AuthStore };


export type AuthThrottle = {
  /** Runs `attempt`; throws RateLimitedError when the email or the address has no attempts left. */
  signIn<T>(email: string, address: string, attempt: () => Promise<T | null>): Promise<T | null>;
  /** Takes one sign-up from the address; throws RateLimitedError when none is left. */
  signUp(address: string): Promise<void>;
};

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export function createAuthThrottle(stores: () => Promise<AuthStores>): AuthThrottle {
  // Fail open: an unreachable store must not lock every user out of the console.
  const open = async (): Promise<AuthStores | null> => {
    try {
      return await stores();
    } catch (err) {
      console.error("[auth-throttle] not limited: the store failed:", err instanceof Error ? err.message : String(err));
      return null;
    }
  };
  const take = async (store: AuthStore, key: string, message: string): Promise<boolean> => {
    try {
      await store.consume(key);
      return true;
    } catch (err) {
      if (err instanceof RateLimiterRes) throw new RateLimitedError(message, Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
      console.error("[auth-throttle] not limited: the store failed:", err instanceof Error ? err.message : String(err));
      return false;
    }
  };
  const giveBack = async (store: AuthStore, key: string) => {
    await store.reward(key, 1).catch((err: unknown) => console.error("[auth-throttle] refund lost:", err instanceof Error ? err.message : String(err)));
  };

  return {
    async signIn(email, address, attempt) {
      const s = await open();
      if (!s) return attempt();
      const e = emailKey(email);
      const tookEmail = await take(s.signInEmail, e, SIGN_IN_THROTTLED);
      let tookAddress = false;
      try {
        tookAddress = await take(s.signInAddress, address, SIGN_IN_THROTTLED);
      } catch (err) {
        // The address is spent: this attempt never ran, so it is not the email's failure.
        if (tookEmail) await giveBack(s.signInEmail, e);
        throw err;
      }
      const user = await attempt();
      if (user !== null) {
        if (tookEmail) await giveBack(s.signInEmail, e);
        if (tookAddress) await giveBack(s.signInAddress, address);
      }
      return user;
    },
    async signUp(address) {
      const s = await open();
      if (s) await take(s.signUpAddress, address, SIGN_UP_THROTTLED);
    },
  };
}

/**
 * The caller's address as the nearest proxy saw it: the last X-Forwarded-For entry (Next.js
 * sets the header to the socket's address when no proxy did). Behind one reverse proxy that
 * appends to the header, this is the client; without one a client can choose it, and then
 * only the per-email limit holds.
 */
export function sourceAddress(forwardedFor: string | null | undefined): string {
  const last = forwardedFor?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return last && last.length <= 64 ? last : "unknown";
}
