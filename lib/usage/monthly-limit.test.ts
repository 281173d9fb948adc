import { describe, expect, it } from "vitest";
import { monthlyLimitRefusal } from "./monthly-limit";

describe("monthlyLimitRefusal", () => {
  it("lets calls go with no limit, or below it", () => {
    expect(monthlyLimitRefusal(null, 10_000_000)).toBeNull();
    expect(monthlyLimitRefusal(10, 599)).toBeNull();
  });
  it("refuses from the limit on, naming it and the time used", () => {
    expect(monthlyLimitRefusal(10, 600)).toBe(
      "The Space has used its monthly limit of 10 minutes (10.0 min this month): no more calls are placed until the next month (UTC) or until the deployment's administrator raises the limit.",
    );
    expect(monthlyLimitRefusal(0, 0)).toMatch(/^The Space has used its monthly limit of 0 minutes/);
  });
});
