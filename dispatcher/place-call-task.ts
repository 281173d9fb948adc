import type { Task } from "graphile-worker";
import { moveCall } from "@/lib/calls/repository";
import { callJobKey, jobNames } from "@/lib/queue/jobs";
import { claimCall, type SpaceCeilings } from "./claim-call";
import { dialCall, type DialSettings } from "./dial-call";
import { releaseOnce, type DialSlots } from "./dial-slots";

// The place_call job: claim the call (limits, exactly once), then dial it in the background
// so the queue's slot is free again at once: a ringing call does not hold up the next one.
// A call over a limit goes back to the queue for later, with its reason on the timeline.

export type PlaceCallDeps = DialSettings & { maxDials: number; inFlight: Set<string>; slots: DialSlots; spaceCeilings: SpaceCeilings; deploymentMode: "local" | "production" };

const FULL_RECHECK_MS = 250;
/** How long a job waits here for a start slot before it goes back to the queue. */
const SLOT_WAIT_MS = 2000;

export function placeCallTask(deps: PlaceCallDeps): Task {
  return async (payload, helpers) => {
    const callId = (payload as { callId?: unknown } | null)?.callId;
    if (typeof callId !== "string") {
      helpers.logger.error("place_call without a callId: dropped");
      return;
    }
    const later = (ms: number) => helpers.addJob(jobNames.placeCall, { callId }, { jobKey: callJobKey(callId), runAt: new Date(Date.now() + ms), maxAttempts: 10 });
    if (deps.inFlight.size >= deps.maxDials) return void (await later(FULL_RECHECK_MS));
    if (!(await deps.slots.acquire(SLOT_WAIT_MS))) return void (await later(FULL_RECHECK_MS));
    const release = releaseOnce(deps.slots);

    let claim;
    try {
      claim = await claimCall(callId, deps.leaseSeconds, deps.spaceCeilings, undefined, deps.deploymentMode);
    } catch (err) {
      release();
      throw err; // the queue retries the job with back-off (the claim is idempotent)
    }
    if (claim.kind !== "claimed") release();
    if (claim.kind === "wait") return void (await later(claim.waitMs));
    if (claim.kind === "refuse") {
      await moveCall(callId, "failed", { failureReason: claim.reason, endedAt: new Date() });
      return;
    }
    if (claim.kind === "skip") return;
    deps.inFlight.add(callId);
    void dialCall(claim.call, deps, release)
      .catch((err: unknown) => console.error("[dispatcher] dial crashed; reconciliation takes the call over", { callId, err }))
      .finally(() => {
        release();
        deps.inFlight.delete(callId);
      });
  };
}
