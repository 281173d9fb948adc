import { parseCronItems, type Task } from "graphile-worker";
import { purgeExpiredTranscripts } from "@/lib/calls/transcripts/purge-transcripts";
import { purgeOldReceipts } from "@/lib/calls/webhook-receipts";
import { jobNames } from "@/lib/queue/jobs";

// The dispatcher's scheduled jobs, run by graphile-worker's own cron: exactly once per slot
// across every dispatcher on the database (its known_crontabs table), and caught up after a
// dispatcher was down (backfill) instead of a timer per process.

/** Every hour on the hour; a pass missed while every dispatcher was down runs on start (within 2 h). */
export const scheduledJobs = parseCronItems([
  { task: jobNames.purgeTranscripts, match: "0 * * * *", identifier: jobNames.purgeTranscripts, options: { backfillPeriod: 2 * 3600_000, maxAttempts: 3 } },
  { task: jobNames.purgeWebhookReceipts, match: "30 * * * *", identifier: jobNames.purgeWebhookReceipts, options: { backfillPeriod: 2 * 3600_000, maxAttempts: 3 } },
]);

/** LiveKit webhook event ids kept against replays, past a day (lib/calls/webhook-receipts.ts). */
export const purgeWebhookReceiptsTask: Task = async (_payload, helpers) => {
  const deleted = await purgeOldReceipts();
  if (deleted > 0) helpers.logger.info(`forgot ${deleted} LiveKit webhook ids older than a day`);
};

export const purgeTranscriptsTask: Task = async (_payload, helpers) => {
  const deleted = await purgeExpiredTranscripts();
  if (deleted > 0) helpers.logger.info(`purged ${deleted} transcript turns past their Space's retention`);
};
