// Token buckets for the REST operations that call LiveKit for a whole account or Space
// (Verify, Reprovision, refresh-all), one bucket per Space and operation. In process memory:
// correct for the single `next start` process this console runs as; behind several processes
// each one keeps its own buckets, so the effective limit multiplies by their number.

export type BucketSpec = {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
};

export const rateLimits = {
  /** 30 at once, then one every 2 s (30 a minute). */
  verify: { capacity: 30, refillPerSecond: 1 / 2 },
  /** 20 at once, then one every 6 s (10 a minute). */
  reprovision: { capacity: 20, refillPerSecond: 1 / 6 },
  /** 3 at once, then one a minute: each reprovisions every account of the Space. */
  "refresh-all": { capacity: 3, refillPerSecond: 1 / 60 },
} as const satisfies Record<string, BucketSpec>;
export type RateLimitedOperation = keyof typeof rateLimits;

export type TakeResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

type Bucket = { tokens: number; at: number };

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly spec: BucketSpec,
    private readonly now: () => number = Date.now,
    /** Above this many buckets, full ones are dropped (a full bucket is the same as none). */
    private readonly maxBuckets = 10_000,
  ) {}

  take(key: string): TakeResult {
    const now = this.now();
    const bucket = this.refilled(this.buckets.get(key), now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(key, bucket);
      this.prune(now);
      return { ok: true, remaining: Math.floor(bucket.tokens) };
    }
    this.buckets.set(key, bucket);
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.spec.refillPerSecond)) };
  }

  /** Gives back a token taken for a request that was refused before doing any work. */
  refund(key: string): void {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.spec.capacity, bucket.tokens + 1);
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.spec.capacity, at: now };
    const elapsed = Math.max(0, now - bucket.at) / 1000;
    return { tokens: Math.min(this.spec.capacity, bucket.tokens + elapsed * this.spec.refillPerSecond), at: now };
  }

  private prune(now: number): void {
    if (this.buckets.size <= this.maxBuckets) return;
    for (const [key, bucket] of this.buckets) {
      if (this.refilled(bucket, now).tokens >= this.spec.capacity) this.buckets.delete(key);
    }
  }
}

// On globalThis so every route bundle of the process shares one set of buckets.
const globalForLimits = globalThis as typeof globalThis & { __switchboardRateLimits?: Map<RateLimitedOperation, TokenBucketLimiter> };

function limiterFor(operation: RateLimitedOperation): TokenBucketLimiter {
  const limiters = (globalForLimits.__switchboardRateLimits ??= new Map());
  let limiter = limiters.get(operation);
  if (!limiter) limiters.set(operation, (limiter = new TokenBucketLimiter(rateLimits[operation])));
  return limiter;
}

/** Takes a token for `operation` in `spaceId`. */
export function takeRateLimitToken(operation: RateLimitedOperation, spaceId: string): TakeResult {
  return limiterFor(operation).take(spaceId);
}

/** Gives the token back: the request was refused (403, 404, 422...) without reaching LiveKit. */
export function refundRateLimitToken(operation: RateLimitedOperation, spaceId: string): void {
  limiterFor(operation).refund(spaceId);
}
