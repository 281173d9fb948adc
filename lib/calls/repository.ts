import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { db } from "@/lib/db/client";
import { isPlatformNumber } from "@/lib/phone-numbers/query-phone-numbers";
import { PLATFORM_ACCOUNT_ID } from "@/lib/platform-numbers/platform-account";
import { platformCarrierLabel } from "@/lib/platform-numbers/platform-space";
import type { RetryPolicy } from "./schemas";
import type { CallStatusName } from "./status";

// Views of calls, and their timeline events beside status moves (a move itself: move-call.ts).

export const callInclude = {
  phoneNumber: { select: { id: true, e164: true } },
  sipAccount: { select: { id: true, name: true, spaceId: true } },
  agent: { select: { id: true, name: true } },
} satisfies Prisma.CallInclude;

// A call on a platform number rides the carrier's account, which the Space does not see.
const PLATFORM_ACCOUNT = () => ({ id: PLATFORM_ACCOUNT_ID, name: platformCarrierLabel() });

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
  durationMs: number | null;
  scheduledAt: string | null;
  attempts: number;
  retryPolicy: RetryPolicy | null;
  /** Why a queued call still waits (a limit), or null. */
  waitReason: string | null;
  /** How the call ended, in plain words, when known. */
  endReason: string | null;
  batch: { id: string; row: number | null } | null;
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
    account: !row.sipAccount ? null : isPlatformNumber({ spaceId: row.spaceId, sipAccount: row.sipAccount }) ? PLATFORM_ACCOUNT() : { id: row.sipAccount.id, name: row.sipAccount.name },
    agent: row.agent ? { id: row.agent.id, name: row.agent.name } : null,
    status: row.status,
    sipStatusCode: row.sipStatusCode,
    failureReason: row.failureReason,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    answeredAt: iso(row.answeredAt),
    endedAt: iso(row.endedAt),
    durationSeconds: row.durationSeconds,
    durationMs: row.durationMs,
    scheduledAt: iso(row.scheduledAt),
    attempts: row.attempts,
    retryPolicy: (row.retryPolicy as RetryPolicy | null) ?? null,
    waitReason: row.status === "queued" ? row.waitReason : null,
    endReason: row.endReason,
    batch: row.batchId ? { id: row.batchId, row: row.batchRow } : null,
  };
}

export async function addEvent(callId: string, kind: string, detail?: string | null): Promise<void> {
  await db().callEvent.create({ data: { callId, kind, detail: detail ?? null } });
}
