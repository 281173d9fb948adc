import { z } from "zod";
import { phoneNumberText } from "@/lib/phone-numbers/schemas";
import { callVariables, e164, retryPolicy, scheduledAt } from "../schemas";

// One schema for batches on every side: the REST body, the console's CSV form and action,
// and the services. A destination's number follows the console's number rule (spaces and
// dashes accepted, extensions and letters refused), so a row error names its path, e.g.
// destinations.17.to.

export const MAX_BATCH_ROWS = 10_000;

export const batchDestination = z.strictObject({
  to: phoneNumberText,
  variables: callVariables.optional(),
});

const batchName = z.string().trim().min(1, "Give the batch a name.").max(100, "Keep the name to 100 characters or fewer.");
const maxConcurrency = z.int({ error: "Enter a whole number from 1 to 100." }).min(1, "At least 1 call at a time.").max(100, "At most 100 calls at a time.");
const agentId = z.string().trim().min(1).max(128);

export const createBatchInput = z.strictObject({
  /** Shown in the console; absent: named after its creation time. */
  name: batchName.optional(),
  /** A number bound in this Space whose account has a SIP server address: every call's caller ID. */
  from: e164,
  /** The agent on every call; absent or null: the number's outbound agent. */
  agentId: agentId.nullish(),
  /** How many of the batch's calls may be in progress at once (the account's own limits apply too). */
  maxConcurrency: maxConcurrency.default(5),
  scheduledAt: scheduledAt.optional(),
  retry: retryPolicy.optional(),
  destinations: z.array(batchDestination).min(1, "Give at least one destination.").max(MAX_BATCH_ROWS, `At most ${MAX_BATCH_ROWS.toLocaleString("en")} destinations.`),
});
export type CreateBatchInput = z.output<typeof createBatchInput>;
export type BatchDestination = z.output<typeof batchDestination>;

/** The New batch form: the file travels as its text and is parsed on the server. */
export const createBatchFromCsvInput = z.strictObject({
  name: z.string().trim().max(100, "Keep the name to 100 characters or fewer."),
  from: e164,
  /** "" means the number's outbound agent. */
  agentId: z.string().trim().max(128),
  maxConcurrency,
  // 10,000 rows of a number and a few variables fit well within 5 MB.
  csv: z.string().min(1, "Choose a CSV file.").max(5_000_000, "The file is larger than 5 MB."),
});
export type CreateBatchFromCsvFields = z.input<typeof createBatchFromCsvInput>;
export type CreateBatchFromCsvInput = z.output<typeof createBatchFromCsvInput>;

export const cancelBatchInput = z.strictObject({ batchId: z.string().min(1).max(128) });

export const batchRowsQuery = z.strictObject({
  /** Rows after this row number (the previous page's nextCursor). */
  cursor: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type BatchRowsQuery = z.output<typeof batchRowsQuery>;
