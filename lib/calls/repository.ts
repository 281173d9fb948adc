import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { db } from "@/lib/db/client";
import { callStatuses, canMove, type CallStatusName } from "./status";

// Views and the one write path for status changes: a conditional update that only applies a
// move the state machine allows from the status the row holds now, so a late webhook and the
// dispatcher can race without moving a call backwards.

export const callInclude = {
  phoneNumber: { select: { id: true, e164: true } },
  sipAccount: { select: { id: true, name: true } },
  agent: { select: { id: true, name: true } },
} satisfies Prisma.CallInclude;

type CallRow = Prisma.CallGetPayload<{ include: typeof callInclude }>;

export type CallView = {
  id: string;
  direction: "inbound" | "outbound";
  from: string;
  to: string;
  phoneNumber: { id: string; number: string } | null;
  account: { id: string; name: string } | null;
  agent: { id: string; name: string } | null;
  status: CallStatusName;
  sipStatusCode: number | null;
  failureReason: string | null;
  createdAt: string;
  startedAt: string | null;
  answeredAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
};

export type CallEventView = { kind: string; detail: string | null; at: string };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toCallView(row: CallRow): CallView {
  return {
    id: row.id,
    direction: row.direction,
    from: row.fromNumber,
    to: row.toNumber,
    phoneNumber: row.phoneNumber ? { id: row.phoneNumber.id, number: row.phoneNumber.e164 } : null,
    account: row.sipAccount ? { id: row.sipAccount.id, name: row.sipAccount.name } : null,
    agent: row.agent ? { id: row.agent.id, name: row.agent.name } : null,
    status: row.status,
    sipStatusCode: row.sipStatusCode,
    failureReason: row.failureReason,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    answeredAt: iso(row.answeredAt),
    endedAt: iso(row.endedAt),
    durationSeconds: row.durationSeconds,
  };
}

type MoveData = Omit<Prisma.CallUpdateManyMutationInput, "status">;

/**
 * Moves a call to `to` when the state machine allows it from its current status; writes the
 * timeline event either way it applies. Returns whether the move happened.
 */
export async function moveCall(callId: string, to: CallStatusName, data: MoveData = {}, detail?: string): Promise<boolean> {
  const from = callStatuses.filter((s) => canMove(s, to));
  const res = await db().call.updateMany({ where: { id: callId, status: { in: from } }, data: { ...data, status: to } });
  if (res.count === 0) return false;
  await addEvent(callId, `status:${to}`, detail);
  return true;
}

export async function addEvent(callId: string, kind: string, detail?: string | null): Promise<void> {
  await db().callEvent.create({ data: { callId, kind, detail: detail ?? null } });
}
