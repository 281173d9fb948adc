import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { isLiveKitConfigured } from "@/lib/livekit/client";
import { addPlaceCallJobs } from "@/lib/queue/jobs";
import type { SpaceContext } from "@/lib/spaces/context";
import { resolveCallOrigin } from "../place-call";
import { assertDestinationsAllowed, takeOutboundCaps } from "../policy/enforce";
import { TELEPHONY_NOT_CONFIGURED } from "../schemas";
import { insertBatchCalls, insertCallEvents } from "./insert-batch-calls";
import { findBatch, toBatchViews, type BatchView } from "./repository";
import type { CreateBatchInput } from "./schemas";

// Starts a batch: the batch, every call row, their first timeline events and their dial jobs
// are one transaction, so a batch is queued whole or not at all. The calls, the events and the
// jobs are one statement each over arrays (insert-batch-calls.ts, addPlaceCallJobs), so the
// cost does not grow with round trips: see create-batch.int.test.ts for the 10,000-row
// figure. Every destination must pass the account's outbound policy and the batch's calls
// count against the Space's daily cap (lib/calls/policy); the dispatcher then dials them
// under the batch's maxConcurrency and the Space's concurrent and per-minute caps.

export async function createBatch(ctx: SpaceContext, input: CreateBatchInput): Promise<BatchView> {
  if (!roleAtLeast(ctx.role, "ADMIN")) throw new ForbiddenError("Only owners and admins can start batches.");
  const origin = await resolveCallOrigin(ctx, input.from, input.agentId ?? null);
  assertDestinationsAllowed(origin.policy, input.destinations.map((d, i) => ({ field: `destinations.${i}.to`, to: d.to })));
  const liveKitConfigured = isLiveKitConfigured();
  const scheduledAt = input.scheduledAt ?? null;
  const by = ctx.apiKeyId ? "an API key" : "a member";
  const when = scheduledAt && scheduledAt.getTime() > Date.now() ? `, for ${scheduledAt.toISOString()}` : "";
  const name = input.name ?? `Batch of ${input.destinations.length.toLocaleString("en")} calls, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`;

  const caps = await takeOutboundCaps(ctx, input.destinations.length, false);
  const batchId = await db().$transaction(
    async (tx) => {
      const batch = await tx.callBatch.create({
        data: { spaceId: ctx.spaceId, name, fromNumber: origin.from, agentId: origin.agentId, maxConcurrency: input.maxConcurrency, total: input.destinations.length },
        select: { id: true },
      });
      const callIds = await insertBatchCalls(tx, {
        spaceId: ctx.spaceId,
        batchId: batch.id,
        origin,
        scheduledAt,
        retryPolicy: input.retry ?? null,
        // As for a single call: without LiveKit the job waits for a dispatcher that has it.
        waitReason: liveKitConfigured ? null : TELEPHONY_NOT_CONFIGURED,
        destinations: input.destinations,
      });
      await insertCallEvents(tx, callIds, "status:queued", (i) => `Queued by ${by}${when} (batch “${name}”, row ${i + 1})`);
      if (!liveKitConfigured) await insertCallEvents(tx, callIds, "not_dispatched", () => TELEPHONY_NOT_CONFIGURED);
      await addPlaceCallJobs(tx, callIds, scheduledAt);
      return batch.id;
    },
    // 10,000 rows outlast Prisma's 5 s default on a loaded machine; the rows are new, so the
    // long transaction holds no lock anyone else waits on.
    { timeout: 120_000, maxWait: 10_000 },
  ).catch(async (err: unknown) => {
    await caps.refund();
    throw err;
  });
  const [view] = await toBatchViews(ctx, [(await findBatch(ctx, batchId))!]);
  return view!;
}
