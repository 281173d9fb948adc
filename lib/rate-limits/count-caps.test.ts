import { RateLimiterMemory } from "rate-limiter-flexible";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RateLimitedError } from "@/lib/errors";
import { capKey, capWindowSeconds, createCountCaps, UNREACHABLE_POINTS, type CapWindow } from "./count-caps";

// The cap rules over rate-limiter-flexible's memory store (the app uses the PostgreSQL one).
function memoryCaps() {
  const stores = new Map<CapWindow, RateLimiterMemory>();
  return createCountCaps(async (w) => {
    let store = stores.get(w);
    if (!store) stores.set(w, (store = new RateLimiterMemory({ keyPrefix: w, points: UNREACHABLE_POINTS, duration: capWindowSeconds[w] })));
    return store;
  });
}
const msg = (s: number) => `Too many calls; try again in ${s} s.`;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("takeCap", () => {
  it("lets a Space take its cap, then refuses with the wait, and keeps Spaces apart", async () => {
    const caps = memoryCaps();
    for (let i = 0; i < 3; i++) await caps.takeCap("minute", "a", 1, 3, msg);
    const refused = await caps.takeCap("minute", "a", 1, 3, msg).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((refused as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((refused as RateLimitedError).message).toBe(msg((refused as RateLimitedError).retryAfterSeconds));
    await expect(caps.takeCap("minute", "b", 1, 3, msg)).resolves.toBeDefined();
  });

  it("refuses a batch over what is left whole, and gives its points back", async () => {
    const caps = memoryCaps();
    await caps.takeCap("day", "a", 7, 10, msg);
    await expect(caps.takeCap("day", "a", 4, 10, msg)).rejects.toBeInstanceOf(RateLimitedError);
    await expect(caps.takeCap("day", "a", 3, 10, msg)).resolves.toBeDefined();
    await expect(caps.takeCap("day", "a", 1, 10, msg)).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("gives the points back on refund (a call refused after taking them)", async () => {
    const caps = memoryCaps();
    const ticket = await caps.takeCap("minute", "a", 2, 2, msg);
    await expect(caps.takeCap("minute", "a", 1, 2, msg)).rejects.toBeInstanceOf(RateLimitedError);
    await ticket.refund();
    await expect(caps.takeCap("minute", "a", 2, 2, msg)).resolves.toBeDefined();
  });

  it("counts the day per UTC date and says how long until midnight UTC", async () => {
    const caps = memoryCaps();
    const late = new Date("2026-11-30T23:59:00Z");
    await caps.takeCap("day", "a", 1, 1, msg, late);
    const refused = (await caps.takeCap("day", "a", 1, 1, msg, late).catch((e: unknown) => e)) as RateLimitedError;
    expect(refused.retryAfterSeconds).toBe(60);
    expect(capKey("day", "a", late)).toBe("a:2026-11-30");
    await expect(caps.takeCap("day", "a", 1, 1, msg, new Date("2026-12-01T00:00:01Z"))).resolves.toBeDefined();
  });

  it("fails open with a log line when the store fails", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const caps = createCountCaps(async () => ({ consume: () => Promise.reject(new Error("query timeout")), reward: () => Promise.reject(new Error("query timeout")) }));
    await expect(caps.takeCap("minute", "a", 1, 0, msg)).resolves.toBeDefined();
    expect(String(log.mock.calls[0]![0])).toContain("[rate-limits] outbound minute cap not applied");
  });
});
