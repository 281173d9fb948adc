import { z } from "zod";
import { callStatuses } from "./status";

// One schema for the Place test call form, its server action, the REST route and the service.

export const e164 = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{1,14}$/, "Enter the number in E.164 form, e.g. +14155550123.");

/** Outcomes of an attempt that a retry policy may dial again after. */
export const retryableOutcomes = ["busy", "no_answer", "failed"] as const;

export const retryPolicy = z.strictObject({
  /** Attempts in all, the first included (2 = one retry). */
  maxAttempts: z.int().min(1).max(10),
  /** Wait between attempts. */
  delaySeconds: z.int().min(10, "Wait at least 10 seconds between attempts.").max(86_400).default(60),
  /** Which outcomes are dialled again (default: busy and no answer). */
  on: z.array(z.enum(retryableOutcomes)).min(1).max(3).default(["busy", "no_answer"]),
});
export type RetryPolicy = z.output<typeof retryPolicy>;

/** Values for the agent's {{variables}}: short text, at most 50 names. */
export const callVariables = z
  .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "Variable names are letters, digits and _ (not starting with a digit)."), z.string().max(500))
  .refine((v) => Object.keys(v).length <= 50, "At most 50 variables.");
export type CallVariables = z.output<typeof callVariables>;

/** When to dial: an ISO 8601 time with its offset, at most 30 days ahead; a past time means now. */
export const scheduledAt = z.iso
  .datetime({ offset: true, message: "Give a date and time with its offset, e.g. 2026-12-01T09:30:00Z." })
  .transform((v) => new Date(v))
  .refine((d) => d.getTime() <= Date.now() + 30 * 86_400_000, "Schedule at most 30 days ahead.");

export const placeCallInput = z.strictObject({
  /** A number bound in this Space (E.164): the caller ID and the account whose trunk dials. */
  from: e164,
  /** The destination (E.164). */
  to: e164,
  /** The agent to run on the call; absent or null: the number's outbound agent (else the worker's default). */
  agentId: z.string().trim().min(1).max(128).nullish(),
  scheduledAt: scheduledAt.optional(),
  retry: retryPolicy.optional(),
  variables: callVariables.optional(),
});
export type PlaceCallInput = z.output<typeof placeCallInput>;

export const listCallsQuery = z.strictObject({
  accountId: z.string().min(1).max(128).optional(),
  phoneNumberId: z.string().min(1).max(128).optional(),
  status: z.enum(callStatuses).optional(),
});
export type ListCallsQuery = z.output<typeof listCallsQuery>;

/** Which call to cancel (the console's Cancel call button). */
export const cancelCallInput = z.strictObject({ callId: z.string().trim().min(1).max(128) });

/** Why a call waits in the queue while LiveKit is not configured (the seed's words). */
export const TELEPHONY_NOT_CONFIGURED = "Telephony worker not configured — call remains queued. Set LIVEKIT_* and carrier credentials in .env.";

/** The Place test call form on a number's card (the number itself is the caller ID). */
export const placeTestCallFields = z.object({
  to: e164,
  /** "" means the number's outbound agent. */
  agentId: z.string().max(128),
});
export type PlaceTestCallFields = z.infer<typeof placeTestCallFields>;
