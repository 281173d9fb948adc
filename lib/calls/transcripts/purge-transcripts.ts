import { db } from "@/lib/db/client";

/**
 * Deletes every transcript turn older than its Space's retention (0 days: all of them).
 * Run by the dispatcher's scheduled job; one statement, so two dispatchers running it at once
 * only delete the same rows. Returns how many turns went.
 */
export async function purgeExpiredTranscripts(now = new Date()): Promise<number> {
  return db().$executeRaw`
    DELETE FROM transcript_turns t
    USING spaces s
    WHERE t.space_id = s.id
      AND t.at < ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC' - make_interval(days => s.transcript_retention_days)`;
}
