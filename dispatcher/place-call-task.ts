import type { Task } from "graphile-worker";
import { moveCall } from "@/lib/calls/move-call";
import { callJobKey, jobNames } from "@/lib/queue/jobs";
import { claimCall, type SpaceCeilings } from "./claim-call";
import { dialCall, type DialSettings } from "./dial-call";
import { releaseOnce, type DialSlots } from "./dial-slots";

// The place_call job: claim the call (limits, exactly once), then dial it in the background
// so the queue's slot is free again at once: a ringing call does not hold up the next one.
// A call over a limit goes back to the queue for later, with its reason on the timeline.
//
// Two bounds, each a DialSlots:
// - `starts`: calls being started in LiveKit at once. Starting is LiveKit's expensive step
//   (livekit-sip joins the room over WebRTC, then sends the INVITE); measured on two cores,
//   200 starts at once made livekit-server answer most "no response from servers". A start
//   slot is given back once the call's SIP participant is in the room or the dial has ended:
//   ringing calls hold none.
// - `claimsAhead`: calls claimed while they wait for a start slot (as many as there are
//   start slots). A claim is a few statements under the Space's lock, and in bulk they queue
//   for it (p50 ~110 ms for 500 calls of one Space, measured with a timing probe); claimed
//   ahead, that wait overlaps other calls' starts instead of holding a start slot. Such a
//   call reads "dialing" for the moment it waits; the rest wait "queued", in the queue.

export type PlaceCallDeps = DialSettings & {
  maxDials: number;
  inFlight: Set<string>;
  starts: DialSlots;
  claimsAhead: DialSlots;
  spaceCeilings: SpaceCeilings;
  deploymentMode: "local" | "production";
};

const FULL_RECHECK_MS = 250;
/** How long a job waits here to claim ahead before it goes back to the queue. */
const CLAIM_AHEAD_WAIT_MS = 2000;

export function placeCallTask(deps: PlaceCallDeps): Task {
  return async (payload, helpers) => {
    const callId = (payload as { callId?: unknown } | null)?.callId;
    if (typeof callId !== "string") {
      helpers.logger.error("place_call without a callId: dropped");
      return;
    }
    const later = (ms: number) => helpers.addJob(jobNames.placeCall, { callId }, { jobKey: callJobKey(callId), runAt: new Date(Date.now() + ms), maxAttempts: 10 });
    if (deps.inFlight.size >= deps.maxDials) return void (await later(FULL_RECHECK_MS));
    if (!(await deps.claimsAhead.acquire(CLAIM_AHEAD_WAIT_MS))) return void (await later(FULL_RECHECK_MS));
    const claimedAhead = releaseOnce(deps.claimsAhead);

    let claim;
    try {
      claim = await claimCall(callId, deps.leaseSeconds, deps.spaceCeilings, undefined, deps.deploymentMode);
    } catch (err) {
      claimedAhead();
      throw err; // the queue retries the job with back-off (the claim is idempotent)
    }
    if (claim.kind !== "claimed") claimedAhead();
    if (claim.kind === "wait") return void (await later(claim.waitMs));
    if (claim.kind === "refuse") {
      await moveCall(callId, "failed", { failureReason: claim.reason, endedAt: new Date() });
      return;
    }
    if (claim.kind === "skip") return;
    deps.inFlight.add(callId);
    const takeStartSlot = async () => {
      await deps.starts.acquire();
      claimedAhead();
      return releaseOnce(deps.starts);
    };
    void dialCall(claim.call, deps, takeStartSlot)
      .catch((err: unknown) => console.error("[dispatcher] dial crashed; reconciliation takes the call over", { callId, err }))
      .finally(() => {
        claimedAhead();
        deps.inFlight.delete(callId);
      });
  };
}
