import "server-only";
import { db } from "@/lib/db/client";
import type { TranscriptReport } from "./schemas";

/**
 * Stores the reported turns of the room's call. "unknown" when no call has that room and SIP
 * participant yet (the worker retries, as for the answer); a Space keeping no transcripts
 * (retention 0) stores nothing. A turn already stored (same seq) is left as it is.
 */
export async function recordTranscriptTurns(report: TranscriptReport): Promise<"recorded" | "not-kept" | "unknown"> {
  const call = await db().call.findUnique({
    where: { roomName: report.roomName },
    select: { id: true, spaceId: true, participantIdentity: true, space: { select: { transcriptRetentionDays: true } } },
  });
  if (!call || (call.participantIdentity !== null && call.participantIdentity !== report.participantIdentity)) return "unknown";
  if (call.space.transcriptRetentionDays === 0) return "not-kept";
  await db().transcriptTurn.createMany({
    data: report.turns.map((t) => ({ spaceId: call.spaceId, callId: call.id, seq: t.seq, speaker: t.speaker, kind: t.kind, text: t.text, at: new Date(t.at), interrupted: t.interrupted })),
    skipDuplicates: true,
  });
  return "recorded";
}
