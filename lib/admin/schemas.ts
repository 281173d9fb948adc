import { z } from "zod";

// What the deployment's administrator sets on a Space. Isomorphic: the Admin form, its action
// and the admin API parse with these.

export const MAX_MONTHLY_MINUTES = 10_000_000;

export const spaceLimitsBody = z.strictObject({
  monthlyMinutesLimit: z
    .number({ error: "Enter a whole number of minutes, or null for no limit." })
    .int("Enter a whole number of minutes.")
    .min(0, "0 or more minutes.")
    .max(MAX_MONTHLY_MINUTES, `At most ${MAX_MONTHLY_MINUTES.toLocaleString("en")} minutes.`)
    .nullable(),
});
export type SpaceLimits = z.output<typeof spaceLimitsBody>;

/** The form's text field: empty means no limit. */
export const spaceLimitsFields = z.object({
  monthlyMinutesLimit: z
    .string()
    .trim()
    .refine((v) => v === "" || (/^\d+$/.test(v) && Number(v) <= MAX_MONTHLY_MINUTES), `Enter a whole number of minutes up to ${MAX_MONTHLY_MINUTES.toLocaleString("en")}, or leave it empty for no limit.`),
});
export type SpaceLimitsFields = z.output<typeof spaceLimitsFields>;

export const limitsFromFields = (f: SpaceLimitsFields): SpaceLimits => ({ monthlyMinutesLimit: f.monthlyMinutesLimit === "" ? null : Number(f.monthlyMinutesLimit) });
