import "server-only";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { serverEnv } from "@/lib/env";
import { RATE_LIMITS_SCHEMA, RATE_LIMITS_TABLE } from "@/lib/rate-limits/postgres-store";
import { sharedBudgetPool } from "@/lib/rate-limits/with-rate-limit";
import { createAuthThrottle, type AuthStores, type AuthThrottle } from "./auth-throttle";

// The sign-in and sign-up limits in the shared budgets table (lib/rate-limits/), so every web
// process counts the same attempts. Limits come from the environment (AUTH_SIGN_IN_*,
// AUTH_SIGN_UP_*); built per module copy for the reason createPostgresRateLimits gives.

let throttle: AuthThrottle | undefined;
let stores: AuthStores | undefined;

export function authThrottle(): AuthThrottle {
  throttle ??= createAuthThrottle(async () => {
    const { pool, ensureTable } = sharedBudgetPool();
    await ensureTable();
    if (!stores) {
      const env = serverEnv();
      const limiter = (keyPrefix: string, points: number, duration: number) =>
        new RateLimiterPostgres({ storeClient: pool, storeType: "pool", schemaName: RATE_LIMITS_SCHEMA, tableName: RATE_LIMITS_TABLE, tableCreated: true, keyPrefix, points, duration });
      stores = {
        signInEmail: limiter("sign-in-email", env.AUTH_SIGN_IN_MAX_PER_EMAIL, env.AUTH_SIGN_IN_WINDOW_SECONDS),
        signInAddress: limiter("sign-in-address", env.AUTH_SIGN_IN_MAX_PER_ADDRESS, env.AUTH_SIGN_IN_WINDOW_SECONDS),
        signUpAddress: limiter("sign-up-address", env.AUTH_SIGN_UP_MAX_PER_ADDRESS, env.AUTH_SIGN_UP_WINDOW_SECONDS),
      };
    }
    return stores;
  });
  return throttle;
}
