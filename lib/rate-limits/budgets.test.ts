import { describe, expect, it } from "vitest";
import { rateLimitBudgets, rateLimitedMessage } from "./budgets";

describe("rate-limit budgets", () => {
  it("are the documented points per window", () => {
    expect(rateLimitBudgets).toEqual({
      verify: { points: 30, durationSeconds: 60, runs: "Verify runs" },
      reprovision: { points: 20, durationSeconds: 120, runs: "Reprovisions" },
      "refresh-all": { points: 3, durationSeconds: 180, runs: "Refresh all runs" },
    });
  });

  it("keep the bursts and average rates of the token buckets they replaced", () => {
    const perMinute = (op: keyof typeof rateLimitBudgets) => (rateLimitBudgets[op].points / rateLimitBudgets[op].durationSeconds) * 60;
    expect([perMinute("verify"), perMinute("reprovision"), perMinute("refresh-all")]).toEqual([30, 10, 1]);
    expect([rateLimitBudgets.verify.points, rateLimitBudgets.reprovision.points, rateLimitBudgets["refresh-all"].points]).toEqual([30, 20, 3]);
  });

  it("name the operation and the wait in their message", () => {
    expect(rateLimitedMessage("verify", 42)).toBe("Too many Verify runs; try again in 42 s.");
  });
});
