import { RateLimiterMemory } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { RateLimitedError } from "@/lib/errors";
import { createAuthThrottle, sourceAddress } from "./auth-throttle";
import { SIGN_IN_THROTTLED, SIGN_UP_THROTTLED } from "./throttle-messages";

function throttle({ email = 3, address = 5, signUp = 2 } = {}) {
  const stores = {
    signInEmail: new RateLimiterMemory({ points: email, duration: 900 }),
    signInAddress: new RateLimiterMemory({ points: address, duration: 900 }),
    signUpAddress: new RateLimiterMemory({ points: signUp, duration: 3600 }),
  };
  return createAuthThrottle(async () => stores);
}

const fail = async () => null;
const ok = async () => ({ id: "u1" });

async function refusal(p: Promise<unknown>): Promise<RateLimitedError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RateLimitedError);
  return err as RateLimitedError;
}

describe("auth throttle", () => {
  it("refuses an email after its failed sign-ins, whatever the case or address, without running the attempt", async () => {
    const t = throttle();
    for (const addr of ["a1", "a2", "a3"]) expect(await t.signIn("Victim@example.com", addr, fail)).toBeNull();
    let ran = false;
    const err = await refusal(t.signIn(" victim@example.com", "a4", async () => ((ran = true), null)));
    expect(err.message).toBe(SIGN_IN_THROTTLED);
    expect(err.retryAfterSeconds).toBeGreaterThan(0);
    expect(ran).toBe(false);
    // Another email from the same addresses is not affected.
    expect(await t.signIn("other@example.com", "a1", ok)).toEqual({ id: "u1" });
  });

  it("counts failures only: successful sign-ins give their points back", async () => {
    const t = throttle();
    for (let i = 0; i < 10; i++) expect(await t.signIn("user@example.com", "a1", ok)).toEqual({ id: "u1" });
  });

  it("refuses an address after its failed sign-ins across many emails", async () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) await t.signIn(`guess-${i}@example.com`, "10.0.0.9", fail);
    await refusal(t.signIn("new@example.com", "10.0.0.9", ok));
    expect(await t.signIn("new@example.com", "10.0.0.10", ok)).toEqual({ id: "u1" });
  });

  it("limits sign-ups per address", async () => {
    const t = throttle();
    await t.signUp("1.2.3.4");
    await t.signUp("1.2.3.4");
    expect((await refusal(t.signUp("1.2.3.4"))).message).toBe(SIGN_UP_THROTTLED);
    await t.signUp("1.2.3.5");
  });

  it("fails open when the store cannot be reached", async () => {
    const t = createAuthThrottle(async () => {
      throw new Error("down");
    });
    expect(await t.signIn("a@example.com", "x", ok)).toEqual({ id: "u1" });
    await t.signUp("x");
  });

  it("takes the address the nearest proxy saw", () => {
    expect(sourceAddress("203.0.113.9, 10.0.0.1")).toBe("10.0.0.1");
    expect(sourceAddress("127.0.0.1")).toBe("127.0.0.1");
    expect(sourceAddress(null)).toBe("unknown");
  });
});
