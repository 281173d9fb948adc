import "server-only";
import { db } from "@/lib/db/client";
import type { SpaceContext } from "@/lib/spaces/context";
import { toBatchViews, type BatchView } from "./repository";

/** The Space's latest 100 batches, newest first, with their progress. */
export async function listBatches(ctx: SpaceContext): Promise<BatchView[]> {
  const batches = await db().callBatch.findMany({ where: { spaceId: ctx.spaceId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 100 });
  return toBatchViews(ctx, batches);
}
