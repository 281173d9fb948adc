import { z } from "zod";

// The usage query, one schema for REST, the CSV export and the Settings → Usage page.
// Days are UTC calendar days, both ends included.

export const USAGE_MAX_DAYS = 366;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2026-11-01.").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Not a calendar date.");

export const usageQuery = z
  .strictObject({
    from: day.optional().meta({ description: "First UTC day (YYYY-MM-DD), included; default: the first day of the current month." }),
    to: day.optional().meta({ description: "Last UTC day (YYYY-MM-DD), included; default: today." }),
    format: z.enum(["json", "csv"]).default("json").meta({ description: "csv: the rows as text/csv (day, direction, number, calls, billable_seconds)." }),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "`to` must be on or after `from`." });
    if (q.from && q.to && (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 >= USAGE_MAX_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `At most ${USAGE_MAX_DAYS} days at once.` });
    }
  });
export type UsageQuery = z.output<typeof usageQuery>;

export const usageDirections = ["inbound", "outbound"] as const;

/** Calls and billable seconds (answer to hang-up, as the call log records them). */
export const usageFigures = z.object({ calls: z.number().int(), billableSeconds: z.number().int() });

export const usageRow = usageFigures.extend({
  day: z.string().meta({ description: "UTC day, YYYY-MM-DD (of the call's creation)." }),
  direction: z.enum(usageDirections),
  number: z.string().meta({ description: "The Space's number: the caller ID of an outbound call, the called number of an inbound one." }),
});

export const usageReport = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.object({ inbound: usageFigures, outbound: usageFigures, all: usageFigures }),
  byDay: z.array(usageFigures.extend({ day: z.string(), direction: z.enum(usageDirections) })),
  byNumber: z.array(usageFigures.extend({ number: z.string(), direction: z.enum(usageDirections) })),
  rows: z.array(usageRow),
  monthlyMinutesLimit: z.number().int().nullable().meta({ description: "Billable minutes per UTC month the deployment's administrator allows the Space; null: no limit." }),
  billableSecondsThisMonth: z.number().int(),
});
export type UsageReport = z.output<typeof usageReport>;
export type UsageRow = z.output<typeof usageRow>;
