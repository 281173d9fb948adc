import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_SCHEDULE_SECONDS, parseRetrySchedule, retryDelaySeconds } from "./retry-schedule";

describe("the webhook retry schedule", () => {
  it("backs off exponentially for at least 24 hours, then gives up", () => {
    const total = DEFAULT_RETRY_SCHEDULE_SECONDS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(24 * 3600);
    for (let i = 1; i < DEFAULT_RETRY_SCHEDULE_SECONDS.length; i++) expect(DEFAULT_RETRY_SCHEDULE_SECONDS[i]).toBeGreaterThanOrEqual(DEFAULT_RETRY_SCHEDULE_SECONDS[i - 1]!);
    expect(retryDelaySeconds(DEFAULT_RETRY_SCHEDULE_SECONDS, 0)).toBe(5);
    expect(retryDelaySeconds(DEFAULT_RETRY_SCHEDULE_SECONDS, DEFAULT_RETRY_SCHEDULE_SECONDS.length)).toBeNull();
  });

  it("parses a schedule from the environment and names a bad entry", () => {
    expect(parseRetrySchedule("1, 2,4")).toEqual([1, 2, 4]);
    expect(() => parseRetrySchedule("1,x")).toThrow(/entry 2/);
    expect(() => parseRetrySchedule("0")).toThrow(/entry 1/);
  });
});
