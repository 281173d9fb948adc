import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

// batch.completed: every call of a batch reached a final status. Emitted in the transaction
// that marks the batch completed, so it is sent once per batch.

export async function emitBatchCompleted(tx: Prisma.TransactionClient, batchId: string): Promise<void> {
  const batch = await tx.callBatch.findUnique({ where: { id: batchId } });
  if (!batch) return;
  const counts = await tx.call.groupBy({ by: ["status"], where: { batchId }, _count: { _all: true } });
  await emitWebhookEvent(tx, {
    spaceId: batch.spaceId,
    type: "batch.completed",
    orderingKey: `batch:${batch.id}`,
    data: {
      batchId: batch.id,
      name: batch.name,
      total: batch.total,
      cancelled: batch.cancelledAt !== null,
      counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])),
      createdAt: batch.createdAt.toISOString(),
      completedAt: (batch.completedAt ?? new Date()).toISOString(),
    },
  });
}
