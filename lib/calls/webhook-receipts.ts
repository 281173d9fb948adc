import "server-only";
import { db } from "@/lib/db/client";

// LiveKit's webhooks are signed, but a captured one stays validly signed for a while: posted
// again it would apply its event again. Each event id is remembered once applied, and a
// repeat is dropped. Marked after applying (not before), so a delivery that failed here is
// still applied when LiveKit retries it.

const KEEP_MS = 24 * 3600_000;

export async function alreadyApplied(eventId: string): Promise<boolean> {
  return (await db().livekitWebhookReceipt.count({ where: { eventId } })) > 0;
}

export async function markApplied(eventId: string): Promise<void> {
  await db().livekitWebhookReceipt.createMany({ data: [{ eventId }], skipDuplicates: true });
}

/** Forgets ids older than a day (the dispatcher's hourly cron); returns how many. */
export async function purgeOldReceipts(now = new Date()): Promise<number> {
  return (await db().livekitWebhookReceipt.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - KEEP_MS) } } })).count;
}
