import "server-only";
import { db } from "@/lib/db/client";
import type { SpaceContext } from "@/lib/spaces/context";
import { callStatuses, finalStatuses, type CallStatusName } from "../status";

// Batch views: a batch row plus its calls counted by status. The counts are read from the
// calls themselves (one grouped query per page of batches), never kept on the batch, so they
// cannot drift from what the dispatcher and the webhooks write.

export type BatchState = "running" | "completed" | "cancelled";
export type BatchCounts = Record<CallStatusName, number>;

export type BatchView = {
  id: string;
  name: string;
  from: string;
  agent: { id: string; name: string } | null;
  maxConcurrency: number;
  total: number;
  counts: BatchCounts;
  /** Calls in a final status (completed, failed, busy, no answer, cancelled). */
  finished: number;
  /** cancelled once cancelled (calls already dialling still finish), completed once every call is final. */
  state: BatchState;
  createdAt: string;
  completedAt: string | null;
  cancelledAt: string | null;
};

export type BatchRowView = {
  /** 1-based position in the batch (destinations[0], or the CSV's first data row, is row 1). */
  row: number;
  to: string;
  status: CallStatusName;
  sipStatusCode: number | null;
  failureReason: string | null;
  callId: string;
};

export type BatchDetail = BatchView & {
  rows: BatchRowView[];
  /** Pass as cursor for the next rows; null on the last page. */
  nextCursor: number | null;
};

type BatchRow = { id: string; name: string; fromNumber: string; agentId: string | null; maxConcurrency: number; total: number; createdAt: Date; completedAt: Date | null; cancelledAt: Date | null };

const zeroCounts = (): BatchCounts => Object.fromEntries(callStatuses.map((s) => [s, 0])) as BatchCounts;

/** The views of these batches of the caller's Space, in the order given. */
export async function toBatchViews(ctx: SpaceContext, batches: BatchRow[]): Promise<BatchView[]> {
  if (batches.length === 0) return [];
  const ids = batches.map((b) => b.id);
  const agentIds = [...new Set(batches.flatMap((b) => (b.agentId ? [b.agentId] : [])))];
  const [groups, agents] = await Promise.all([
    db().call.groupBy({ by: ["batchId", "status"], where: { spaceId: ctx.spaceId, batchId: { in: ids } }, _count: { _all: true } }),
    db().agent.findMany({ where: { spaceId: ctx.spaceId, id: { in: agentIds } }, select: { id: true, name: true } }),
  ]);
  return batches.map((b) => {
    const counts = zeroCounts();
    for (const g of groups) if (g.batchId === b.id) counts[g.status] = g._count._all;
    const finished = callStatuses.filter((s) => finalStatuses.has(s)).reduce((n, s) => n + counts[s], 0);
    return {
      id: b.id,
      name: b.name,
      from: b.fromNumber,
      agent: agents.find((a) => a.id === b.agentId) ?? null,
      maxConcurrency: b.maxConcurrency,
      total: b.total,
      counts,
      finished,
      state: b.cancelledAt ? "cancelled" : b.completedAt ? "completed" : "running",
      createdAt: b.createdAt.toISOString(),
      completedAt: b.completedAt?.toISOString() ?? null,
      cancelledAt: b.cancelledAt?.toISOString() ?? null,
    };
  });
}

/** One batch of the caller's Space, or null (another Space's id looks missing). */
export async function findBatch(ctx: SpaceContext, batchId: string): Promise<BatchRow | null> {
  return db().callBatch.findFirst({ where: { id: batchId, spaceId: ctx.spaceId } });
}
