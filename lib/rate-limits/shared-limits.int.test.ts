import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { NotFoundError, RateLimitedError } from "@/lib/errors";
import { createBudgetPool, createPostgresRateLimits, RATE_LIMITS_SCHEMA } from "./postgres-store";

// Two independent limiter instances, each with its own pool, stand for two web processes on
// the same PostgreSQL: they must spend one budget. DATABASE_URL is the stack's server.

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL must name the stack's PostgreSQL");
const poolA = createBudgetPool(url);
const poolB = createBudgetPool(url);
const processA = createPostgresRateLimits(poolA);
const processB = createPostgresRateLimits(poolB);
const space = () => `int-${randomBytes(6).toString("hex")}`;
const used: string[] = [];
const ok = () => Promise.resolve("done");

afterAll(async () => {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DELETE FROM "${RATE_LIMITS_SCHEMA}".buckets WHERE key = ANY($1)`, [used.flatMap((s) => ["verify", "reprovision", "refresh-all"].map((op) => `${op}:${s}`))]);
  await admin.end();
  await Promise.all([poolA.pool.end(), poolB.pool.end()]);
});

describe("rate limits in PostgreSQL", () => {
  it("are one budget for two processes: what one spends, the other cannot", async () => {
    const s = space();
    used.push(s);
    await processA.withRateLimit("refresh-all", s, ok);
    await processB.withRateLimit("refresh-all", s, ok);
    await processA.withRateLimit("refresh-all", s, ok);
    for (const limits of [processB, processA]) {
      const refused = await limits.withRateLimit("refresh-all", s, ok).catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(RateLimitedError);
      expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect((refused as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(180);
    }
  });

  it("count concurrent runs from both processes exactly, and keep Spaces apart", async () => {
    const s = space();
    const other = space();
    used.push(s, other);
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => (i % 2 ? processA : processB).withRateLimit("verify", s, ok)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(30);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof RateLimitedError)).toBe(true);
    await expect(processB.withRateLimit("verify", other, ok)).resolves.toBe("done");
    await expect(processB.withRateLimit("reprovision", s, ok)).resolves.toBe("done");
  });

  it("give a refused run's point back to every process", async () => {
    const s = space();
    used.push(s);
    await processA.withRateLimit("refresh-all", s, ok);
    await processA.withRateLimit("refresh-all", s, ok);
    await expect(processB.withRateLimit("refresh-all", s, () => Promise.reject(new NotFoundError("gone")))).rejects.toBeInstanceOf(NotFoundError);
    await expect(processA.withRateLimit("refresh-all", s, ok)).resolves.toBe("done");
    await expect(processB.withRateLimit("refresh-all", s, ok)).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("live in their own PostgreSQL schema, outside Prisma's public one", async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const { rows } = await admin.query("SELECT table_schema FROM information_schema.tables WHERE table_name = 'buckets'");
    await admin.end();
    expect(rows).toEqual([{ table_schema: RATE_LIMITS_SCHEMA }]);
  });

  it("fail open with a log line when the database cannot be reached", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const unreachable = new URL(url);
    unreachable.hostname = "127.0.0.1";
    unreachable.port = "1";
    const downPool = createBudgetPool(unreachable.toString());
    const down = createPostgresRateLimits(downPool);
    try {
      for (let i = 0; i < 4; i++) await expect(down.withRateLimit("refresh-all", space(), ok)).resolves.toBe("done");
      expect(log.mock.calls.some((call) => String(call[0]).includes("[rate-limits] refresh-all not limited"))).toBe(true);
    } finally {
      await downPool.pool.end();
      log.mockRestore();
    }
  });
});
