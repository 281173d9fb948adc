import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { CallOrigin } from "../queue-call";
import type { CallVariables, RetryPolicy } from "../schemas";

// The batch's call rows and their first timeline events, each in ONE statement over arrays
// (unnest), inside the caller's transaction. Prisma's createManyAndReturn did the same in
// 1,000-row chunks but took 15-50 s for 10,000 rows on the shared test machine (its query
// building is per row, in JavaScript); these statements take well under a second there.
// The columns are the ones queue-call.ts writes through Prisma; ids are random UUIDs (Prisma's
// cuid() default runs in the client, which raw SQL bypasses), opaque like any other id.

export type BatchCallsSpec = {
  spaceId: string;
  batchId: string;
  origin: CallOrigin;
  scheduledAt: Date | null;
  retryPolicy: RetryPolicy | null;
  waitReason: string | null;
  destinations: readonly { to: string; variables?: CallVariables }[];
};

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

/** Inserts one queued call per destination (batchRow = position + 1); returns their ids in row order. */
export async function insertBatchCalls(tx: Tx, spec: BatchCallsSpec): Promise<string[]> {
  const ids = spec.destinations.map(() => randomUUID());
  const tos = spec.destinations.map((d) => d.to);
  const rows = spec.destinations.map((_, i) => i + 1);
  const variables = spec.destinations.map((d) => (d.variables ? JSON.stringify(d.variables) : null));
  const { origin } = spec;
  // Timestamps without a time zone hold UTC (as Prisma writes them), whatever the session's zone.
  await tx.$executeRaw`
    INSERT INTO calls (id, space_id, direction, from_number, to_number, phone_number_id, sip_account_id, agent_id,
                       scheduled_at, retry_policy, variables, batch_id, batch_row, wait_reason, created_at, updated_at)
    SELECT t.id, ${spec.spaceId}, 'outbound'::call_direction, ${origin.from}, t.to_number, ${origin.phoneNumberId}, ${origin.accountId}, ${origin.agentId},
           ${spec.scheduledAt?.toISOString() ?? null}::timestamptz AT TIME ZONE 'UTC', ${spec.retryPolicy ? JSON.stringify(spec.retryPolicy) : null}::jsonb,
           t.variables::jsonb, ${spec.batchId}, t.batch_row, ${spec.waitReason}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM unnest(${ids}::text[], ${tos}::text[], ${rows}::int[], ${variables}::text[]) AS t(id, to_number, batch_row, variables)`;
  return ids;
}

/** One timeline event per call, `detail(i)` for the call at index i. */
export async function insertCallEvents(tx: Tx, callIds: readonly string[], kind: string, detail: (i: number) => string): Promise<void> {
  if (callIds.length === 0) return;
  const ids = callIds.map(() => randomUUID());
  const details = callIds.map((_, i) => detail(i));
  await tx.$executeRaw`
    INSERT INTO call_events (id, call_id, kind, detail, at)
    SELECT e.id, e.call_id, ${kind}, e.detail, now() AT TIME ZONE 'UTC'
    FROM unnest(${ids}::text[], ${callIds as string[]}::text[], ${details}::text[]) AS e(id, call_id, detail)`;
}
