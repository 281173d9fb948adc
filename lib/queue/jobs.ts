import type { Prisma } from "@/lib/db/generated/prisma/client";

// The door to the job queue (graphile-worker, schema graphile_worker, installed by
// `npm run db:migrate`). Jobs are added with the library's own SQL function inside the
// caller's Prisma transaction, so a call row and its job are committed together or not at
// all: a call never exists without the job that dials it. The dispatcher (dispatcher/) runs
// the jobs.

export const jobNames = {
  /** Dial one queued call (payload {callId}); key `call:<id>`, so a call has one pending job. */
  placeCall: "place_call",
  /** Send one endpoint's pending webhook deliveries of one ordering key, oldest first (payload {endpointId, orderingKey}). */
  deliverWebhooks: "deliver_webhooks",
  /** Bring the SIP edge and LiveKit in step with one agent's SIP registration (payload {agentId}). */
  syncSipRegistration: "sync_sip_registration",
  /** Delete transcripts past their Space's retention (scheduled: dispatcher/schedule.ts). */
  purgeTranscripts: "purge_transcripts",
  purgeWebhookReceipts: "purge_webhook_receipts",
  /** Judge a SIP account's round-trip self-test, and hang it up once final (payload {selfTestId}). */
  finishSelfTest: "finish_self_test",
} as const;

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

// Prisma sends a Date in raw SQL as a UTC time without its zone, which a ::timestamptz cast
// reads in the database session's zone: on a server not set to UTC, a call scheduled for
// now waited hours. An ISO string carries its zone.
const instant = (at: Date | null) => at?.toISOString() ?? null;

export const callJobKey = (callId: string) => `call:${callId}`;

/**
 * Adds (or replaces, with the same key) the job that dials `callId`, not before `runAt`.
 * Replacing a job already running creates a new one beside it: the dispatcher's claim on the
 * call row (queued -> dialing) makes sure only one of them ever dials.
 */
export async function addPlaceCallJob(tx: Tx, callId: string, runAt: Date | null = null): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${jobNames.placeCall}::text,
    json_build_object('callId', ${callId}::text),
    run_at := ${instant(runAt)}::timestamptz,
    job_key := ${callJobKey(callId)}::text,
    max_attempts := 10
  )`;
}

/** Drops the call's pending job (a cancelled call); a job already running finds nothing to do. */
export async function removePlaceCallJob(tx: Tx, callId: string): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.remove_job(${callJobKey(callId)}::text)`;
}

/**
 * Adds the dial jobs of many calls in one statement (a batch): `graphile_worker.add_jobs`
 * takes an array of job specs, built here from one text[] parameter, so 10,000 calls are one
 * round trip instead of 10,000. Same identifier, payload, key and attempts as addPlaceCallJob.
 */
export async function addPlaceCallJobs(tx: Tx, callIds: readonly string[], runAt: Date | null = null): Promise<void> {
  if (callIds.length === 0) return;
  // count(*) swallows the jobs add_jobs returns: only their insertion matters.
  await tx.$executeRaw`SELECT count(*) FROM graphile_worker.add_jobs(
    (SELECT array_agg(ROW(
      ${jobNames.placeCall}::text,
      json_build_object('callId', id),
      NULL::text,
      ${instant(runAt)}::timestamptz,
      10::smallint,
      'call:' || id,
      NULL::smallint,
      NULL::text[]
    )::graphile_worker.job_spec) FROM unnest(${callIds as string[]}::text[]) AS id)
  )`;
}

/** Drops the pending jobs of many cancelled calls in one statement (a cancelled batch). */
export async function removePlaceCallJobs(tx: Tx, callIds: readonly string[]): Promise<void> {
  if (callIds.length === 0) return;
  await tx.$executeRaw`SELECT count(graphile_worker.remove_job('call:' || id)) FROM unnest(${callIds as string[]}::text[]) AS id`;
}

export type DeliverWebhooksPayload = { endpointId: string; orderingKey: string };

/**
 * The SQL call adding `endpointId`'s deliver-webhooks job for `orderingKey`, each given as an
 * SQL expression (a parameter, or a column of the statement it goes in): one job per key.
 * Written once for the two places that add it: addDeliverWebhooksJob, and event emission
 * (lib/webhooks/emit.ts), which adds one per listening endpoint in its single statement.
 */
export function deliverWebhooksJobSql(endpointId: string, orderingKey: string, runAt = "NULL", keyMode = "'preserve_run_at'"): string {
  return `graphile_worker.add_job(
    '${jobNames.deliverWebhooks}',
    json_build_object('endpointId', ${endpointId}, 'orderingKey', ${orderingKey}),
    run_at := ${runAt}::timestamptz,
    job_key := 'wh:' || ${endpointId} || ':' || ${orderingKey},
    job_key_mode := ${keyMode},
    max_attempts := 25
  )`;
}

/**
 * Asks for `endpointId`'s deliveries of `orderingKey` to be sent. One job per key: an event
 * emitted while its key waits out a back-off joins that wait (`preserve_run_at`) instead of
 * overtaking the failed delivery ahead of it; `retryAt` (the sender rescheduling itself)
 * replaces the time.
 */
export async function addDeliverWebhooksJob(tx: Pick<Prisma.TransactionClient, "$executeRawUnsafe">, payload: DeliverWebhooksPayload, retryAt?: Date): Promise<void> {
  await tx.$executeRawUnsafe(
    `SELECT ${deliverWebhooksJobSql("$1::text", "$2::text", "$3", "$4::text")}`,
    payload.endpointId,
    payload.orderingKey,
    instant(retryAt ?? null),
    retryAt ? "replace" : "preserve_run_at",
  );
}

/**
 * Adds the job that applies an agent's saved (or deleted) SIP registration, in the caller's
 * transaction. One pending job per agent (job key): saving twice quickly applies the latest.
 */
export async function addSyncSipRegistrationJob(tx: Tx, agentId: string): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${jobNames.syncSipRegistration}::text,
    json_build_object('agentId', ${agentId}::text),
    job_key := ${`sip-registration:${agentId}`}::text,
    max_attempts := 25
  )`;
}

/**
 * Asks for a round-trip self-test to be judged at `runAt` (lib/sip-accounts/self-test). The job
 * adds itself again until the verdict is final; one pending job per test (job key).
 */
export async function addFinishSelfTestJob(tx: Tx, selfTestId: string, runAt: Date): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${jobNames.finishSelfTest}::text,
    json_build_object('selfTestId', ${selfTestId}::text),
    run_at := ${instant(runAt)}::timestamptz,
    job_key := ${`self-test:${selfTestId}`}::text,
    max_attempts := 5
  )`;
}
