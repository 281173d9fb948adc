import "server-only";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { SpaceContext } from "@/lib/spaces/context";
import { findBatch, toBatchViews, type BatchDetail } from "./repository";
import type { BatchRowsQuery } from "./schemas";

/** One batch with its progress and a page of its rows, in row order (keyset on the row number). */
export async function getBatch(ctx: SpaceContext, batchId: string, query: BatchRowsQuery = { limit: 100 }): Promise<BatchDetail> {
  const batch = await findBatch(ctx, batchId);
  if (!batch) throw new NotFoundError("Batch not found");
  const [[view], calls] = await Promise.all([
    toBatchViews(ctx, [batch]),
    db().call.findMany({
      where: { spaceId: ctx.spaceId, batchId, ...(query.cursor !== undefined ? { batchRow: { gt: query.cursor } } : {}) },
      orderBy: { batchRow: "asc" },
      take: query.limit + 1,
      select: { id: true, batchRow: true, toNumber: true, status: true, sipStatusCode: true, failureReason: true },
    }),
  ]);
  const page = calls.slice(0, query.limit);
  return {
    ...view!,
    rows: page.map((c) => ({ row: c.batchRow ?? 0, to: c.toNumber, status: c.status, sipStatusCode: c.sipStatusCode, failureReason: c.failureReason, callId: c.id })),
    nextCursor: calls.length > query.limit ? (page.at(-1)?.batchRow ?? null) : null,
  };
}
