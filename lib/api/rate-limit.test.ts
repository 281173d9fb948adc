import { describe, expect, it } from "vitest";
import { rateLimits, TokenBucketLimiter } from "./rate-limit";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("TokenBucketLimiter", () => {
  it("allows a burst of `capacity`, then refuses with the seconds until the next token", () => {
    const c = clock();
    const limiter = new TokenBucketLimiter({ capacity: 3, refillPerSecond: 1 / 10 }, c.now);
    expect([1, 2, 3].map(() => limiter.take("space-a").ok)).toEqual([true, true, true]);
    expect(limiter.take("space-a")).toEqual({ ok: false, retryAfterSeconds: 10 });
    c.advance(4_000);
    expect(limiter.take("space-a")).toEqual({ ok: false, retryAfterSeconds: 6 });
    c.advance(6_000);
    expect(limiter.take("space-a")).toEqual({ ok: true, remaining: 0 });
    expect(limiter.take("space-a").ok).toBe(false);
  });

  it("keeps one bucket per key", () => {
    const c = clock();
    const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 1 }, c.now);
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
    expect(limiter.take("b").ok).toBe(true);
  });

  it("never refills above capacity, and a refusal does not use a token", () => {
    const c = clock();
    const limiter = new TokenBucketLimiter({ capacity: 2, refillPerSecond: 1 }, c.now);
    c.advance(3_600_000);
    expect(limiter.take("a")).toEqual({ ok: true, remaining: 1 });
    expect(limiter.take("a")).toEqual({ ok: true, remaining: 0 });
    for (let i = 0; i < 5; i++) expect(limiter.take("a").ok).toBe(false);
    c.advance(1_000);
    expect(limiter.take("a").ok).toBe(true);
  });

  it("takes a refund back up to capacity only", () => {
    const c = clock();
    const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 1 / 60 }, c.now);
    expect(limiter.take("a").ok).toBe(true);
    limiter.refund("a");
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
    limiter.refund("a");
    limiter.refund("a");
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
    limiter.refund("unknown");
    expect(limiter.size).toBe(1);
  });

  it("tolerates a clock going backwards", () => {
    const c = clock();
    const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 1 }, c.now);
    limiter.take("a");
    c.advance(-5_000);
    expect(limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it("drops full buckets once it holds too many", () => {
    const c = clock();
    const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 1 }, c.now, 3);
    for (const k of ["a", "b", "c", "d"]) limiter.take(k);
    expect(limiter.size).toBe(4);
    c.advance(2_000);
    limiter.take("e");
    expect(limiter.size).toBe(1);
  });

  it("has the documented limits", () => {
    expect(rateLimits).toEqual({
      verify: { capacity: 30, refillPerSecond: 0.5 },
      reprovision: { capacity: 20, refillPerSecond: 1 / 6 },
      "refresh-all": { capacity: 3, refillPerSecond: 1 / 60 },
    });
  });
});
