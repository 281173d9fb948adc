import { z } from "zod";
import { decodeCallsCursor } from "./list-cursor";
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

export const CALLS_PAGE_DEFAULT = 50;
export const CALLS_PAGE_MAX = 200;

/**
 * A calendar date (the start of that day, UTC) or a date-time with its zone. A date-time
 * without a zone is refused: the server's zone would silently decide which calls it means.
 */
const instant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: "Enter a date (YYYY-MM-DD) or a date-time with its zone, e.g. 2026-01-31T09:00:00Z." })
  .transform((text) => new Date(text.length === 10 ? `${text}T00:00:00Z` : text));

/** The call list's filters and page, as REST query parameters and as the Calls page's URL. */
export const listCallsQuery = z
  .strictObject({
    accountId: z.string().min(1).max(128).optional(),
    phoneNumberId: z.string().min(1).max(128).optional(),
    status: z.enum(callStatuses).optional(),
    direction: z.enum(["inbound", "outbound"]).optional(),
    /** Calls created at or after this instant. */
    since: instant.optional(),
    /** Calls created before this instant (exclusive, so consecutive ranges never overlap). */
    until: instant.optional(),
    // A query string carries numbers as text.
    limit: z.coerce.number().int().min(1).max(CALLS_PAGE_MAX).default(CALLS_PAGE_DEFAULT),
    cursor: z
      .string()
      .max(512)
      .transform((text, ctx) => decodeCallsCursor(text) ?? (ctx.addIssue({ code: "custom", message: "The cursor must be a nextCursor from a previous page." }), z.NEVER))
      .optional(),
  })
  .refine((q) => !q.since || !q.until || q.since <= q.until, { path: ["until"], message: "Must not be before since." });
export type ListCallsQuery = z.output<typeof listCallsQuery>;
/** What a caller passes: everything optional, limit as a number or its text. */
export type ListCallsQueryInput = z.input<typeof listCallsQuery>;

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
