import { RateLimiterMemory } from "rate-limiter-flexible";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError, UpstreamError, ValidationError } from "@/lib/errors";
import { rateLimitBudgets, type RateLimitedOperation } from "./budgets";
import { createRateLimits, type BudgetStore } from "./limiter";

// The rules around the store, over rate-limiter-flexible's memory store (same interface as
// the PostgreSQL one the app uses; lib/rate-limits/shared-limits.int.test.ts covers that).

function memoryLimits() {
  const stores = new Map<RateLimitedOperation, RateLimiterMemory>();
  return createRateLimits(async (op) => {
    let store = stores.get(op);
    if (!store) stores.set(op, (store = new RateLimiterMemory({ keyPrefix: op, points: rateLimitBudgets[op].points, duration: rateLimitBudgets[op].durationSeconds })));
    return store;
  });
}

const ok = () => Promise.resolve("done");

async function spend(limits: ReturnType<typeof memoryLimits>, op: RateLimitedOperation, key: string, times: number) {
  for (let i = 0; i < times; i++) await limits.withRateLimit(op, key, ok);
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("withRateLimit", () => {
  it.each(Object.keys(rateLimitBudgets) as RateLimitedOperation[])("lets %s run its budget's points, then throws RateLimitedError with the wait", async (op) => {
    const limits = memoryLimits();
    const { points, durationSeconds } = rateLimitBudgets[op];
    await spend(limits, op, "space-a", points);
    const refused = await limits.withRateLimit(op, "space-a", ok).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(RateLimitedError);
    const { retryAfterSeconds, message } = refused as RateLimitedError;
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(retryAfterSeconds).toBeLessThanOrEqual(durationSeconds);
    expect(message).toBe(`Too many ${rateLimitBudgets[op].runs}; try again in ${retryAfterSeconds} s.`);
  });

  it("does not run the work once the budget is spent", async () => {
    const limits = memoryLimits();
    await spend(limits, "refresh-all", "space-a", 3);
    const work = vi.fn(ok);
    await expect(limits.withRateLimit("refresh-all", "space-a", work)).rejects.toBeInstanceOf(RateLimitedError);
    expect(work).not.toHaveBeenCalled();
  });

  it("gives the budget back after the window", async () => {
    vi.useFakeTimers();
    const limits = memoryLimits();
    await spend(limits, "refresh-all", "space-a", 3);
    await expect(limits.withRateLimit("refresh-all", "space-a", ok)).rejects.toBeInstanceOf(RateLimitedError);
    await vi.advanceTimersByTimeAsync(180_000);
    await expect(limits.withRateLimit("refresh-all", "space-a", ok)).resolves.toBe("done");
  });

  it("keeps one budget per Space and per operation", async () => {
    const limits = memoryLimits();
    await spend(limits, "refresh-all", "space-a", 3);
    await expect(limits.withRateLimit("refresh-all", "space-a", ok)).rejects.toBeInstanceOf(RateLimitedError);
    await expect(limits.withRateLimit("refresh-all", "space-b", ok)).resolves.toBe("done");
    await expect(limits.withRateLimit("reprovision", "space-a", ok)).resolves.toBe("done");
  });

  it.each([
    ["NotFoundError", new NotFoundError("gone")],
    ["ForbiddenError", new ForbiddenError("admins only")],
    ["ValidationError", new ValidationError("bad")],
    ["ConflictError", new ConflictError("taken")],
  ])("gives the point back when the work is refused with a 4xx (%s) and rethrows it", async (_name, refusal) => {
    const limits = memoryLimits();
    await spend(limits, "refresh-all", "space-a", 2);
    for (let i = 0; i < 5; i++) await expect(limits.withRateLimit("refresh-all", "space-a", () => Promise.reject(refusal))).rejects.toBe(refusal);
    await expect(limits.withRateLimit("refresh-all", "space-a", ok)).resolves.toBe("done");
    await expect(limits.withRateLimit("refresh-all", "space-a", ok)).rejects.toBeInstanceOf(RateLimitedError);
  });

  it.each([
    ["UpstreamError (503)", new UpstreamError("LiveKit unreachable", "unreachable")],
    ["an unknown error (500)", new Error("boom")],
  ])("keeps the point when the work failed with %s: LiveKit may have been asked", async (_name, failure) => {
    const limits = memoryLimits();
    await spend(limits, "refresh-all", "space-a", 2);
    await expect(limits.withRateLimit("refresh-all", "space-a", () => Promise.reject(failure))).rejects.toBe(failure);
    await expect(limits.withRateLimit("refresh-all", "space-a", ok)).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe("consumeRateLimit", () => {
  it("hands out a ticket whose refund gives the point back", async () => {
    const limits = memoryLimits();
    await spend(limits, "refresh-all", "space-a", 2);
    const ticket = await limits.consumeRateLimit("refresh-all", "space-a");
    await expect(limits.consumeRateLimit("refresh-all", "space-a")).rejects.toBeInstanceOf(RateLimitedError);
    await ticket.refund();
    await expect(limits.consumeRateLimit("refresh-all", "space-a")).resolves.toBeDefined();
  });
});

describe("a failing store", () => {
  const broken = (failure: Partial<BudgetStore> | "unreachable") =>
    createRateLimits(async () => {
      if (failure === "unreachable") throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
      return { consume: () => Promise.reject(new Error("query timeout")), reward: () => Promise.reject(new Error("query timeout")), ...failure } as BudgetStore;
    });

  it.each([
    ["cannot be reached", broken("unreachable")],
    ["fails a query", broken({})],
  ])("lets the work run (fails open) with a log line when the store %s", async (_name, limits) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    for (let i = 0; i < 5; i++) await expect(limits.withRateLimit("refresh-all", "space-a", ok)).resolves.toBe("done");
    expect(log).toHaveBeenCalledTimes(5);
    expect(String(log.mock.calls[0]![0])).toContain("[rate-limits] refresh-all not limited");
  });

  it("logs a lost refund and still rethrows the refusal", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const limits = broken({ consume: () => Promise.resolve(new RateLimiterMemory({ points: 1, duration: 1 }) as never) });
    const refusal = new NotFoundError("gone");
    await expect(limits.withRateLimit("verify", "space-a", () => Promise.reject(refusal))).rejects.toBe(refusal);
    expect(String(log.mock.calls[0]![0])).toContain("[rate-limits] verify refund lost");
  });
});

describe("refused attempts", () => {
  it("do not count either: after a run of 429s, one refund frees exactly one run", async () => {
    const limits = memoryLimits();
    await spend(limits, "refresh-all", "space-a", 2);
    const ticket = await limits.consumeRateLimit("refresh-all", "space-a");
    for (let i = 0; i < 5; i++) await expect(limits.consumeRateLimit("refresh-all", "space-a")).rejects.toBeInstanceOf(RateLimitedError);
    await ticket.refund();
    await expect(limits.withRateLimit("refresh-all", "space-a", ok)).resolves.toBe("done");
    await expect(limits.withRateLimit("refresh-all", "space-a", ok)).rejects.toBeInstanceOf(RateLimitedError);
  });
});
