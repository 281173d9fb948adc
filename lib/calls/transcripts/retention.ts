import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import type { SpaceContext } from "@/lib/spaces/context";

// Settings → Transcripts and /transcript-retention: how many days the Space keeps its calls'
// transcripts. The dispatcher's scheduled purge applies a change within the hour.

export async function getTranscriptRetention(ctx: SpaceContext): Promise<{ days: number }> {
  const space = await db().space.findUniqueOrThrow({ where: { id: ctx.spaceId }, select: { transcriptRetentionDays: true } });
  return { days: space.transcriptRetentionDays };
}

export async function setTranscriptRetention(ctx: SpaceContext, days: number): Promise<{ days: number }> {
  if (!roleAtLeast(ctx.role, "ADMIN")) throw new ForbiddenError("Only owners and admins can change how long transcripts are kept.");
  await db().space.update({ where: { id: ctx.spaceId }, data: { transcriptRetentionDays: days } });
  return { days };
}
