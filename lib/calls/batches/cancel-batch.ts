import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { removePlaceCallJobs } from "@/lib/queue/jobs";
import type { SpaceContext } from "@/lib/spaces/context";
import { insertCallEvents } from "./insert-batch-calls";
import { findBatch, toBatchViews, type BatchView } from "./repository";

// Cancels a batch: marks it cancelled (the dispatcher then refuses its calls, retries
// included) and cancels every call nobody has dialled yet exactly as cancel-call.ts does one
// (status, timeline event, job removed), all in one transaction. Calls already dialling,
// ringing or in progress continue: they may be ringing at someone. Cancelling again is
// harmless, so a retried request gets the same answer.

export async function cancelBatch(ctx: SpaceContext, batchId: string): Promise<BatchView> {
  if (!roleAtLeast(ctx.role, "ADMIN")) throw new ForbiddenError("Only owners and admins can cancel batches.");
  const batch = await findBatch(ctx, batchId);
  if (!batch) throw new NotFoundError("Batch not found");
  if (batch.completedAt && !batch.cancelledAt) throw new ConflictError("This batch has finished: every call has ended, so there is nothing to cancel.");
  const detail = `Cancelled with its batch by ${ctx.apiKeyId ? "an API key" : "a member"}`;
  await db().$transaction(
    async (tx) => {
      const now = new Date();
      await tx.callBatch.updateMany({ where: { id: batchId, spaceId: ctx.spaceId, cancelledAt: null }, data: { cancelledAt: now } });
      // The status condition is re-checked row by row under the row lock, so a call the
      // dispatcher claims meanwhile is left to finish.
      const cancelled = await tx.call.updateManyAndReturn({
        where: { spaceId: ctx.spaceId, batchId, status: "queued" },
        data: { status: "cancelled", endedAt: now, waitReason: null },
        select: { id: true },
      });
      const ids = cancelled.map((c) => c.id);
      await insertCallEvents(tx, ids, "status:cancelled", () => detail);
      await removePlaceCallJobs(tx, ids);
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  const [view] = await toBatchViews(ctx, [(await findBatch(ctx, batchId))!]);
  return view!;
}
