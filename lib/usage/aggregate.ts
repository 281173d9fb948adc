import type { UsageReport, UsageRow } from "./schemas";

// Rolls the per (day, direction, number) rows up into the report's totals, days and numbers,
// and writes them as CSV. Pure.

type Figures = { calls: number; billableSeconds: number };
const add = (a: Figures | undefined, b: Figures): Figures => ({ calls: (a?.calls ?? 0) + b.calls, billableSeconds: (a?.billableSeconds ?? 0) + b.billableSeconds });

function rollUp<K extends string>(rows: UsageRow[], key: (r: UsageRow) => K): Map<K, Figures> {
  const out = new Map<K, Figures>();
  for (const r of rows) out.set(key(r), add(out.get(key(r)), r));
  return out;
}

export function summarise(rows: UsageRow[]): Pick<UsageReport, "totals" | "byDay" | "byNumber"> {
  const zero = { calls: 0, billableSeconds: 0 };
  const byDirection = rollUp(rows, (r) => r.direction);
  const inbound = byDirection.get("inbound") ?? zero;
  const outbound = byDirection.get("outbound") ?? zero;
  const byDay = [...rollUp(rows, (r) => `${r.day}|${r.direction}`)].map(([k, f]) => {
    const [day, direction] = k.split("|") as [string, UsageRow["direction"]];
    return { day, direction, ...f };
  });
  const byNumber = [...rollUp(rows, (r) => `${r.number}|${r.direction}`)].map(([k, f]) => {
    const [number, direction] = k.split("|") as [string, UsageRow["direction"]];
    return { number, direction, ...f };
  });
  return {
    totals: { inbound, outbound, all: add(inbound, outbound) },
    byDay: byDay.sort((a, b) => a.day.localeCompare(b.day) || a.direction.localeCompare(b.direction)),
    byNumber: byNumber.sort((a, b) => a.number.localeCompare(b.number) || a.direction.localeCompare(b.direction)),
  };
}

/** RFC 4180 text; a field starting with = + - @ is prefixed with ' so a spreadsheet does not run it. */
export function usageCsv(rows: UsageRow[]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    const safe = typeof v === "string" && /^[=+\-@]/.test(s) && !/^\+\d+$/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [["day", "direction", "number", "calls", "billable_seconds"], ...rows.map((r) => [r.day, r.direction, r.number, r.calls, r.billableSeconds])];
  return lines.map((l) => l.map(cell).join(",")).join("\r\n") + "\r\n";
}
