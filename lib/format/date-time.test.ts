import { describe, expect, it } from "vitest";
import { formatDateTime } from "./date-time";

describe("formatDateTime", () => {
  it("shows a moment in UTC to the second, whatever the input's offset", () => {
    expect(formatDateTime("2025-01-31T14:05:09.812Z")).toBe("2025-01-31 14:05:09 UTC");
    expect(formatDateTime("2025-01-31T16:05:09+02:00")).toBe("2025-01-31 14:05:09 UTC");
    expect(formatDateTime(new Date(Date.UTC(2025, 0, 1)))).toBe("2025-01-01 00:00:00 UTC");
  });

  it("says what is missing instead of Invalid Date", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime(undefined, "Never")).toBe("Never");
    expect(formatDateTime("", "Never")).toBe("Never");
    expect(formatDateTime("not a date")).toBe("—");
  });
});
