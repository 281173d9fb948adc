import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { removePlaceCallJob } from "@/lib/queue/jobs";
import type { SpaceContext } from "@/lib/spaces/context";
import { emitCallStatusEvent } from "./call-webhook-events";
import { callInclude, toCallView, type CallView } from "./repository";

// Cancels a call nobody has dialled yet (queued or scheduled): the status, its timeline event
// and the removal of its job are one transaction. A call already dialling is not cancelled
// (it may be ringing at the callee); hang it up instead.

export async function cancelCall(ctx: SpaceContext, callId: string): Promise<CallView> {
  if (!roleAtLeast(ctx.role, "ADMIN")) throw new ForbiddenError("Only owners and admins can cancel calls.");
  const found = await db().call.findFirst({ where: { id: callId, spaceId: ctx.spaceId }, select: { id: true, status: true } });
  if (!found) throw new NotFoundError("Call not found");
  const cancelled = await db().$transaction(async (tx) => {
    const [moved] = await tx.call.updateManyAndReturn({ where: { id: callId, spaceId: ctx.spaceId, status: "queued" }, data: { status: "cancelled", endedAt: new Date(), waitReason: null } });
    if (!moved) return false;
    await tx.callEvent.create({ data: { callId, kind: "status:cancelled", detail: `Cancelled by ${ctx.apiKeyId ? "an API key" : "a member"}` } });
    await removePlaceCallJob(tx, callId);
    await emitCallStatusEvent(tx, moved, "cancelled");
    return true;
  });
  const row = await db().call.findUniqueOrThrow({ where: { id: callId }, include: callInclude });
  if (!cancelled) throw new ConflictError(`Only a queued call can be cancelled; this one is ${row.status.replace("_", " ")}.`);
  return toCallView(row);
}
