import type { Task } from "graphile-worker";
import { moveCall } from "@/lib/calls/repository";
import { callJobKey, jobNames } from "@/lib/queue/jobs";
import { claimCall } from "./claim-call";
import { dialCall, type DialSettings } from "./dial-call";

// The place_call job: claim the call (limits, exactly once), then dial it in the background
// so the queue's slot is free again at once: a ringing call does not hold up the next one.
// A call over a limit goes back to the queue for later, with its reason on the timeline.

export type PlaceCallDeps = DialSettings & { maxDials: number; inFlight: Set<string> };

const FULL_RECHECK_MS = 250;

export function placeCallTask(deps: PlaceCallDeps): Task {
  return async (payload, helpers) => {
    const callId = (payload as { callId?: unknown } | null)?.callId;
    if (typeof callId !== "string") {
      helpers.logger.error("place_call without a callId: dropped");
      return;
    }
    const later = (ms: number) => helpers.addJob(jobNames.placeCall, { callId }, { jobKey: callJobKey(callId), runAt: new Date(Date.now() + ms), maxAttempts: 10 });
    if (deps.inFlight.size >= deps.maxDials) return void (await later(FULL_RECHECK_MS));

    const claim = await claimCall(callId, deps.leaseSeconds);
    if (claim.kind === "wait") return void (await later(claim.waitMs));
    if (claim.kind === "refuse") {
      await moveCall(callId, "failed", { failureReason: claim.reason, endedAt: new Date() });
      return;
    }
    if (claim.kind === "skip") return;
    deps.inFlight.add(callId);
    void dialCall(claim.call, deps)
      .catch((err: unknown) => console.error("[dispatcher] dial crashed; reconciliation takes the call over", { callId, err }))
      .finally(() => deps.inFlight.delete(callId));
  };
}
