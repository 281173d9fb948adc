import { describe, expect, it } from "vitest";
import { summarise, usageCsv } from "./aggregate";
import type { UsageRow } from "./schemas";

const rows: UsageRow[] = [
  { day: "2026-11-01", direction: "inbound", number: "+14155550100", calls: 2, billableSeconds: 90 },
  { day: "2026-11-01", direction: "outbound", number: "+14155550100", calls: 1, billableSeconds: 30 },
  { day: "2026-11-02", direction: "outbound", number: "+14155550101", calls: 3, billableSeconds: 45 },
  { day: "2026-11-02", direction: "outbound", number: "+14155550100", calls: 1, billableSeconds: 5 },
];

describe("summarise", () => {
  it("totals by direction, by day and by number", () => {
    const s = summarise(rows);
    expect(s.totals).toEqual({ inbound: { calls: 2, billableSeconds: 90 }, outbound: { calls: 5, billableSeconds: 80 }, all: { calls: 7, billableSeconds: 170 } });
    expect(s.byDay).toEqual([
      { day: "2026-11-01", direction: "inbound", calls: 2, billableSeconds: 90 },
      { day: "2026-11-01", direction: "outbound", calls: 1, billableSeconds: 30 },
      { day: "2026-11-02", direction: "outbound", calls: 4, billableSeconds: 50 },
    ]);
    expect(s.byNumber).toEqual([
      { number: "+14155550100", direction: "inbound", calls: 2, billableSeconds: 90 },
      { number: "+14155550100", direction: "outbound", calls: 2, billableSeconds: 35 },
      { number: "+14155550101", direction: "outbound", calls: 3, billableSeconds: 45 },
    ]);
  });
});

describe("usageCsv", () => {
  it("writes a header and one line per row, E.164 numbers as they are and formula-like text defused", () => {
    expect(usageCsv([rows[0]!, { ...rows[1]!, number: "=cmd()" }])).toBe(
      "day,direction,number,calls,billable_seconds\r\n2026-11-01,inbound,+14155550100,2,90\r\n2026-11-01,outbound,'=cmd(),1,30\r\n",
    );
  });
});
