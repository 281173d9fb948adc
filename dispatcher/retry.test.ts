import { describe, expect, it } from "vitest";
import { retryDecision } from "./retry";

describe("retries", () => {
  const policy = { maxAttempts: 3, delaySeconds: 30, on: ["busy", "no_answer"] };
  it("dials again after the outcomes the policy names, until its attempts are spent", () => {
    expect(retryDecision(policy, 1, "busy")).toEqual({ delayMs: 30_000 });
    expect(retryDecision(policy, 2, "no_answer")).toEqual({ delayMs: 30_000 });
    expect(retryDecision(policy, 3, "busy")).toBeNull();
  });
  it("does not retry other outcomes, nor calls without a policy", () => {
    expect(retryDecision(policy, 1, "failed")).toBeNull();
    expect(retryDecision(null, 1, "busy")).toBeNull();
    expect(retryDecision({ maxAttempts: "x" }, 1, "busy")).toBeNull();
  });
});
