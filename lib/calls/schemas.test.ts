import { describe, expect, it } from "vitest";
import { decodeCallsCursor, encodeCallsCursor } from "./list-cursor";
import { CALLS_PAGE_DEFAULT, listCallsQuery } from "./schemas";

function paths(input: Record<string, unknown>): string[] {
  const parsed = listCallsQuery.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
}

describe("listCallsQuery", () => {
  it("defaults the page size and takes numbers as query text", () => {
    expect(listCallsQuery.parse({})).toEqual({ limit: CALLS_PAGE_DEFAULT });
    expect(listCallsQuery.parse({ limit: "1" }).limit).toBe(1);
    expect(listCallsQuery.parse({ limit: "200" }).limit).toBe(200);
  });

  it.each(["0", "201", "-5", "2.5", "ten", ""])("refuses limit=%j on limit", (limit) => {
    expect(paths({ limit })).toEqual(["limit"]);
  });

  it("reads a date as the start of that day in UTC, and a date-time with its zone", () => {
    const q = listCallsQuery.parse({ since: "2026-03-01", until: "2026-03-02T10:30:00+02:00" });
    expect(q.since?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(q.until?.toISOString()).toBe("2026-03-02T08:30:00.000Z");
    expect(listCallsQuery.parse({ since: "2026-03-01T00:00:00.123Z" }).since?.toISOString()).toBe("2026-03-01T00:00:00.123Z");
  });

  it.each(["2026-02-30", "2026-13-01", "01/03/2026", "2026-03-01T10:00:00", "yesterday"])("refuses since=%j on since", (since) => {
    expect(paths({ since })).toEqual(["since"]);
  });

  it("refuses since after until on until, and takes an empty range", () => {
    expect(paths({ since: "2026-03-02", until: "2026-03-01" })).toEqual(["until"]);
    expect(paths({ since: "2026-03-01", until: "2026-03-01" })).toEqual([]);
  });

  it("takes direction and status from their lists and refuses unknown parameters", () => {
    expect(listCallsQuery.parse({ direction: "outbound", status: "no_answer" })).toMatchObject({ direction: "outbound", status: "no_answer" });
    expect(paths({ direction: "sideways" })).toEqual(["direction"]);
    expect(paths({ offset: "50" })).toEqual([""]);
  });
});

describe("the calls cursor", () => {
  const at = new Date("2026-03-01T12:34:56.789Z");

  it("round-trips the last row's createdAt and id through the query", () => {
    const text = encodeCallsCursor({ createdAt: at, id: "cm0abc123" });
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(listCallsQuery.parse({ cursor: text }).cursor).toEqual({ createdAt: at, id: "cm0abc123" });
    expect(decodeCallsCursor(text)).toEqual({ createdAt: at, id: "cm0abc123" });
  });

  it.each([
    ["not base64", "%%%"],
    ["base64 of no JSON", btoa("hello").replace(/=+$/, "")],
    ["JSON of another shape", btoa(JSON.stringify({ page: 2 })).replace(/=+$/, "")],
    ["a bad date", btoa(JSON.stringify({ t: "yesterday", id: "x" })).replace(/=+$/, "")],
    ["a length base64 cannot have", "abcde"],
  ])("refuses %s on cursor", (_what, cursor) => {
    expect(paths({ cursor })).toEqual(["cursor"]);
  });
});
