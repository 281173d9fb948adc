import { z } from "zod";
import { callStatuses } from "./status";

// One schema for the Place test call form, its server action, the REST route and the service.

const e164 = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{1,14}$/, "Enter the number in E.164 form, e.g. +14155550123.");

export const placeCallInput = z.strictObject({
  /** A number bound in this Space (E.164): the caller ID and the account whose trunk dials. */
  from: e164,
  /** The destination (E.164). */
  to: e164,
  /** The agent to run on the call; absent or null: the number's outbound agent (else the worker's default). */
  agentId: z.string().trim().min(1).max(128).nullish(),
});
export type PlaceCallInput = z.output<typeof placeCallInput>;

export const listCallsQuery = z.strictObject({
  accountId: z.string().min(1).max(128).optional(),
  phoneNumberId: z.string().min(1).max(128).optional(),
  status: z.enum(callStatuses).optional(),
});
export type ListCallsQuery = z.output<typeof listCallsQuery>;

export const TELEPHONY_NOT_CONFIGURED = "Telephony worker not configured — call remains queued. Set LIVEKIT_* and carrier credentials in .env.";

/** The Place test call form on a number's card (the number itself is the caller ID). */
export const placeTestCallFields = z.object({
  to: e164,
  /** "" means the number's outbound agent. */
  agentId: z.string().max(128),
});
export type PlaceTestCallFields = z.infer<typeof placeTestCallFields>;
