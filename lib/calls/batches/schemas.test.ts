import { describe, expect, it } from "vitest";
import { batchRowsQuery, createBatchFromCsvInput, createBatchInput } from "./schemas";

const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => r.error?.issues.map((i) => i.path.join(".")) ?? [];

describe("createBatchInput", () => {
  it("normalises numbers and defaults the concurrency to 5", () => {
    const parsed = createBatchInput.parse({ from: "+14155550100", destinations: [{ to: "+1 415-555-2671", variables: { name: "Ada" } }] });
    expect(parsed).toMatchObject({ maxConcurrency: 5, destinations: [{ to: "+14155552671", variables: { name: "Ada" } }] });
  });

  it("names the bad row's path", () => {
    const destinations = Array.from({ length: 20 }, () => ({ to: "+14155552671" }));
    destinations[17] = { to: "+14155552671 x3" };
    expect(paths(createBatchInput.safeParse({ from: "+14155550100", destinations }))).toEqual(["destinations.17.to"]);
    expect(paths(createBatchInput.safeParse({ from: "+14155550100", destinations: [{ to: "+14155552671", variables: { "1x": "a" } }] }))).toEqual(["destinations.0.variables.1x"]);
  });

  it("takes 1 to 10,000 destinations and a concurrency of 1 to 100", () => {
    expect(paths(createBatchInput.safeParse({ from: "+14155550100", destinations: [] }))).toEqual(["destinations"]);
    const many = Array.from({ length: 10_001 }, () => ({ to: "+14155552671" }));
    expect(paths(createBatchInput.safeParse({ from: "+14155550100", destinations: many }))).toEqual(["destinations"]);
    for (const n of [0, 101, 2.5]) expect(paths(createBatchInput.safeParse({ from: "+14155550100", maxConcurrency: n, destinations: [{ to: "+14155552671" }] }))).toEqual(["maxConcurrency"]);
  });

  it("refuses unknown fields, in the body and in a destination", () => {
    expect(paths(createBatchInput.safeParse({ from: "+14155550100", spaceId: "x", destinations: [{ to: "+14155552671" }] }))).toEqual([""]);
    expect(paths(createBatchInput.safeParse({ from: "+14155550100", destinations: [{ to: "+14155552671", status: "done" }] }))).toEqual(["destinations.0"]);
  });
});

describe("createBatchFromCsvInput and batchRowsQuery", () => {
  it("needs a file and a concurrency in range", () => {
    const r = createBatchFromCsvInput.safeParse({ name: "", from: "+14155550100", agentId: "", maxConcurrency: Number.NaN, csv: "" });
    expect(paths(r).sort()).toEqual(["csv", "maxConcurrency"]);
  });

  it("reads paging from query strings", () => {
    expect(batchRowsQuery.parse({})).toEqual({ limit: 100 });
    expect(batchRowsQuery.parse({ cursor: "200", limit: "50" })).toEqual({ cursor: 200, limit: 50 });
    expect(batchRowsQuery.safeParse({ limit: "501" }).success).toBe(false);
  });
});
