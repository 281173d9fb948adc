import type { Prisma } from "@/lib/db/generated/prisma/client";

// The door to the job queue (graphile-worker, schema graphile_worker, installed by
// `npm run db:migrate`). Jobs are added with the library's own SQL function inside the
// caller's Prisma transaction, so a call row and its job are committed together or not at
// all: a call never exists without the job that dials it. The dispatcher (dispatcher/) runs
// the jobs.

export const jobNames = {
  /** Dial one queued call (payload {callId}); key `call:<id>`, so a call has one pending job. */
  placeCall: "place_call",
} as const;

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

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
    run_at := ${runAt}::timestamptz,
    job_key := ${callJobKey(callId)}::text,
    max_attempts := 10
  )`;
}

/** Drops the call's pending job (a cancelled call); a job already running finds nothing to do. */
export async function removePlaceCallJob(tx: Tx, callId: string): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.remove_job(${callJobKey(callId)}::text)`;
}
