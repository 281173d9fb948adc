import { completeCall } from "@/lib/calls/complete-call";
import { finishUnanswered } from "@/lib/calls/finish-unanswered";
import { emitBatchCompleted } from "@/lib/calls/batches/batch-webhook-events";
import { moveCall } from "@/lib/calls/move-call";
import { liveStatuses } from "@/lib/calls/status";
import { db } from "@/lib/db/client";
import { readCallParticipant } from "@/lib/livekit/calls";
import { requeueCall } from "./requeue";

// Brings the database back in step with LiveKit for every call that should be dialling,
// ringing or up and that no live dispatcher holds (its lease ran out: the dispatcher died,
// or it is an answered call whose end LiveKit's webhook may never tell, the web app having
// been down). Runs at start and every DISPATCHER_RECONCILE_SECONDS in every dispatcher; a
// call is taken by one of them at a time through its lease.

export const RECONCILE_BATCH = 200;
const PARALLEL = 8;
const FOLLOW_POLL_MS = 500;
/**
 * A participant gone from an answered call is checked once more after this, so a webhook on
 * its way (with the exact end time) wins; likewise an inbound call found answered, so the
 * agent worker's report on its way (with the exact answer time) wins.
 */
const GONE_GRACE_MS = 1500;

/** `passSeconds`: how often reconcileCalls runs (DISPATCHER_RECONCILE_SECONDS). */
export type ReconcileSettings = { leaseSeconds: number; ringingTimeoutSeconds: number; passSeconds: number };

type Row = { id: string; direction: "inbound" | "outbound"; status: string; roomName: string | null; participantIdentity: string | null };

/**
 * The calls this pass looks at, leased to this dispatcher in one statement: several
 * dispatchers then share the work instead of each asking LiveKit about every live call at
 * every pass (with two dispatchers, both looked at every answered call at every pass).
 * Dialling and ringing calls taken over are held for `leaseSeconds` and renewed while
 * followed; answered and inbound calls for just under one pass, so the next pass, here or
 * elsewhere, looks again. SKIP LOCKED: two passes at the same moment take different calls.
 * Calls being dialled or followed by a live dispatcher hold leases, so none is taken here.
 * Least recently looked at first (a look leaves its lease time; an answer clears it): with
 * more live calls than a pass takes, every one still comes round. By updated_at alone, which
 * a look does not change, every pass took the same oldest calls and never the rest.
 */
export async function leaseCallsToReconcile(settings: ReconcileSettings): Promise<Row[]> {
  const now = new Date();
  const nextPass = new Date(now.getTime() + Math.max(500, settings.passSeconds * 1000 - 500));
  const takenOver = new Date(now.getTime() + settings.leaseSeconds * 1000);
  return db().$queryRaw<Row[]>`
    UPDATE calls c
       SET lease_until = CASE WHEN c.status = 'in_progress' OR c.direction = 'inbound' THEN ${nextPass}::timestamp(3) ELSE ${takenOver}::timestamp(3) END
      FROM (SELECT id FROM calls
             WHERE status = ANY(${[...liveStatuses]}::call_status[]) AND (lease_until IS NULL OR lease_until < ${now}::timestamp(3))
             ORDER BY lease_until NULLS FIRST, updated_at LIMIT ${RECONCILE_BATCH} FOR UPDATE SKIP LOCKED) picked
     WHERE c.id = picked.id
    RETURNING c.id, c.direction::text AS direction, c.status::text AS status, c.room_name AS "roomName", c.participant_identity AS "participantIdentity"`;
}

/** `dialling`: calls this process is dialling now (never reconciled here); `following`: taken over and followed here. */
export async function reconcileCalls(settings: ReconcileSettings, dialling: ReadonlySet<string>, following: Set<string>): Promise<{ checked: number }> {
  const calls = await leaseCallsToReconcile(settings);
  const todo = calls.filter((c) => !following.has(c.id) && !dialling.has(c.id));
  const ended: string[] = [];
  const answeredInbound: { id: string; seenAt: Date }[] = [];
  // A few at a time: each is one or two LiveKit requests.
  for (let i = 0; i < todo.length; i += PARALLEL) {
    await Promise.all(
      todo.slice(i, i + PARALLEL).map(async (call) => {
        try {
          const found = await reconcileOne(call, settings, following);
          if (found === "answered-and-gone") ended.push(call.id);
          if (found === "inbound-answered") answeredInbound.push({ id: call.id, seenAt: new Date() });
        } catch (err) {
          console.error("[dispatcher] reconcile failed for a call", { callId: call.id, err: (err as Error).message });
        }
      }),
    );
  }
  await settleAfterGrace(ended, answeredInbound);
  await requeueOrphans();
  await completeBatches();
  return { checked: calls.length };
}

/**
 * After one grace for all: answered calls whose participant is gone are completed, and
 * inbound calls found answered are moved to in progress (answered when first seen), unless
 * LiveKit's webhook or the worker's report settled them meanwhile.
 */
async function settleAfterGrace(ended: string[], answeredInbound: { id: string; seenAt: Date }[]): Promise<void> {
  if (ended.length === 0 && answeredInbound.length === 0) return;
  await new Promise((r) => setTimeout(r, GONE_GRACE_MS));
  const still = ended.length === 0 ? [] : await db().call.findMany({ where: { id: { in: ended }, status: "in_progress" }, select: { id: true } });
  for (const { id } of still) await completeCall(id, "The call ended (its end was found by reconciliation, to within a few seconds).");
  // moveCall applies only from ringing: a call the worker's report moved already is left as it is.
  for (const { id, seenAt } of answeredInbound) await moveCall(id, "in_progress", { answeredAt: seenAt, leaseUntil: null }, "Answered (found by reconciliation)");
}

async function reconcileOne(call: Row, settings: ReconcileSettings, following: Set<string>): Promise<"answered-and-gone" | "inbound-answered" | void> {
  const answered = call.status === "in_progress";

  if (!call.roomName) {
    // The dispatcher died before creating the room: no INVITE ever left, so dial it again.
    if (call.direction === "outbound" && !answered) await requeueCall(call.id, new Date(), "The dispatcher stopped before dialling; the call is dialled again.", {}, false);
    return;
  }
  const state = await readCallParticipant(call.roomName, call.participantIdentity);
  if (state.kind === "unknown") return;
  const gone = state.kind !== "present" || state.callStatus === "hangup";

  if (answered) return gone ? "answered-and-gone" : undefined;
  if (!gone && state.callStatus === "active") {
    if (call.direction === "inbound") return "inbound-answered";
    await moveCall(call.id, "in_progress", { answeredAt: new Date(), leaseUntil: null, ...(call.direction === "outbound" ? { sipStatusCode: 200 } : {}) }, "Answered (found by reconciliation)");
    return;
  }
  if (call.direction === "inbound") {
    if (gone) await moveCall(call.id, "failed", { endedAt: new Date(), failureReason: "The caller hung up before the call was answered." });
    return;
  }
  if (gone) {
    // An outbound call that ended before the answer while its dialler was gone: what LiveKit
    // told the webhook (busy, no answer) was applied there; otherwise the code is lost.
    await finishUnanswered(call.id, null);
    return;
  }
  if (state.callStatus === "ringing") await moveCall(call.id, "ringing", {}, "Ringing (found by reconciliation)");
  following.add(call.id);
  void followUnanswered(call.id, call.roomName, call.participantIdentity, settings).finally(() => following.delete(call.id));
}

/** Follows a dialling or ringing call taken over from a dead dispatcher until it is answered or gone. */
async function followUnanswered(callId: string, roomName: string, identity: string | null, settings: ReconcileSettings): Promise<void> {
  const deadline = Date.now() + (settings.ringingTimeoutSeconds + 30) * 1000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, FOLLOW_POLL_MS));
    await db().call.updateMany({ where: { id: callId, status: { in: ["dialing", "ringing"] } }, data: { leaseUntil: new Date(Date.now() + settings.leaseSeconds * 1000) } });
    const row = await db().call.findUnique({ where: { id: callId }, select: { status: true } });
    if (!row || (row.status !== "dialing" && row.status !== "ringing")) return; // a webhook settled it
    const state = await readCallParticipant(roomName, identity);
    if (state.kind === "unknown") continue;
    if (state.kind === "present" && state.callStatus === "active") {
      await moveCall(callId, "in_progress", { answeredAt: new Date(), sipStatusCode: 200, leaseUntil: null }, "Answered (found by reconciliation)");
      return;
    }
    if (state.kind === "present" && state.callStatus === "ringing") await moveCall(callId, "ringing", {}, "Ringing (found by reconciliation)");
    if (state.kind !== "present" || state.callStatus === "hangup") {
      // Give LiveKit's leave webhook (busy / no answer with its reason) a moment to land first.
      await new Promise((r) => setTimeout(r, GONE_GRACE_MS));
      await finishUnanswered(callId, null);
      return;
    }
  }
  // Released: the next pass looks again.
  await db().call.updateMany({ where: { id: callId }, data: { leaseUntil: new Date() } });
}

/**
 * Queued calls whose job is gone (or stuck with a dispatcher that died holding it) get
 * their job back. The job is keyed per call and the claim is conditional, so adding one
 * too many never dials twice. A live dispatcher holds a place_call job for seconds, or up
 * to its local queue's minute (main.ts): a job locked for two minutes is a dead one's.
 */
async function requeueOrphans(): Promise<void> {
  await db().$executeRaw`
    SELECT graphile_worker.add_job('place_call', json_build_object('callId', c.id), job_key := 'call:' || c.id, max_attempts := 10)
    FROM calls c
    WHERE c.status = 'queued' AND c.direction = 'outbound'
      AND coalesce(c.scheduled_at, c.created_at) < now() - interval '30 seconds'
      AND c.updated_at < now() - interval '30 seconds'
      AND NOT EXISTS (
        SELECT 1 FROM graphile_worker.jobs j
        WHERE j.key = 'call:' || c.id AND (j.locked_at IS NULL OR j.locked_at > now() - interval '2 minutes')
      )
    LIMIT 500`;
}

/** Marks batches whose every call has reached a final status, with their batch.completed event. */
async function completeBatches(): Promise<void> {
  await db().$transaction(async (tx) => {
    const completed = await tx.$queryRaw<{ id: string }[]>`
      UPDATE call_batches b SET completed_at = now()
      WHERE b.completed_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM calls c WHERE c.batch_id = b.id AND c.status IN ('queued', 'dialing', 'ringing', 'in_progress'))
      RETURNING b.id`;
    for (const batch of completed) await emitBatchCompleted(tx, batch.id);
  });
}
