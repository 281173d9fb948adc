import type { Prisma } from "@/lib/db/generated/prisma/client";
import { addPlaceCallJob } from "@/lib/queue/jobs";
import { emitCallStatusEvent } from "./call-webhook-events";
import type { DestinationPolicy } from "./policy/destination";
import type { SpaceContext } from "@/lib/spaces/context";
import { TELEPHONY_NOT_CONFIGURED, type CallVariables, type RetryPolicy } from "./schemas";

// Writes one queued outbound call, its first timeline event, its dial job and its call.queued webhook event, inside the
// caller's transaction (a single call or every row of a batch).

/** Where a call leaves from, and the account's destination policy (lib/calls/policy). */
export type CallOrigin = { from: string; phoneNumberId: string; accountId: string; agentId: string | null; policy: DestinationPolicy };

export type QueuedCallSpec = {
  to: string;
  scheduledAt: Date | null;
  retryPolicy: RetryPolicy | null;
  variables: CallVariables | null;
  batchId?: string;
  batchRow?: number;
  /** The outbound leg of a round-trip self-test (dialled with no agent). */
  selfTest?: boolean;
};

export async function queueCall(tx: Prisma.TransactionClient, ctx: SpaceContext, origin: CallOrigin, spec: QueuedCallSpec, liveKitConfigured: boolean): Promise<string> {
  const call = await tx.call.create({
    data: {
      spaceId: ctx.spaceId,
      direction: "outbound",
      fromNumber: origin.from,
      toNumber: spec.to,
      phoneNumberId: origin.phoneNumberId,
      sipAccountId: origin.accountId,
      agentId: origin.agentId,
      scheduledAt: spec.scheduledAt,
      retryPolicy: spec.retryPolicy ?? undefined,
      variables: spec.variables ?? undefined,
      batchId: spec.batchId,
      batchRow: spec.batchRow,
      selfTest: spec.selfTest ?? false,
      // Without LiveKit the job waits for a dispatcher that has it: the call is kept, not failed.
      waitReason: liveKitConfigured ? null : TELEPHONY_NOT_CONFIGURED,
    },
  });
  const by = ctx.apiKeyId ? "an API key" : "a member";
  const when = spec.scheduledAt && spec.scheduledAt.getTime() > Date.now() ? `, for ${spec.scheduledAt.toISOString()}` : "";
  await tx.callEvent.create({ data: { callId: call.id, kind: "status:queued", detail: `Queued by ${by}${when}` } });
  if (!liveKitConfigured) await tx.callEvent.create({ data: { callId: call.id, kind: "not_dispatched", detail: TELEPHONY_NOT_CONFIGURED } });
  await addPlaceCallJob(tx, call.id, spec.scheduledAt);
  await emitCallStatusEvent(tx, call, "queued");
  return call.id;
}
