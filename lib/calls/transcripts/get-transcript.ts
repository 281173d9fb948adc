import "server-only";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { SpaceContext } from "@/lib/spaces/context";
import type { TranscriptTurnView, TranscriptView } from "./schemas";

/** A call's transcript in the caller's Space in the order things were said (an agent turn is reported when it ends, so by its start, not its arrival); another Space's call is the same 404. */
export async function getTranscript(ctx: SpaceContext, callId: string): Promise<TranscriptView> {
  const call = await db().call.findFirst({
    where: { id: callId, spaceId: ctx.spaceId },
    select: { id: true, space: { select: { transcriptRetentionDays: true } }, transcriptTurns: { orderBy: [{ at: "asc" }, { seq: "asc" }] } },
  });
  if (!call) throw new NotFoundError("Call not found");
  return {
    callId: call.id,
    retentionDays: call.space.transcriptRetentionDays,
    turns: call.transcriptTurns.map((t) => ({ speaker: t.speaker as TranscriptTurnView["speaker"], kind: t.kind as TranscriptTurnView["kind"], text: t.text, at: t.at.toISOString(), interrupted: t.interrupted })),
  };
}
