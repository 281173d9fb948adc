// The call queue's state machine and the SIP status mapping. Pure: shared by the dispatcher,
// the webhook handler and their unit tests.

export const callStatuses = ["queued", "dialing", "ringing", "in_progress", "completed", "failed", "busy", "no_answer", "cancelled"] as const;
export type CallStatusName = (typeof callStatuses)[number];

export const finalStatuses: ReadonlySet<CallStatusName> = new Set(["completed", "failed", "busy", "no_answer", "cancelled"]);

/** Statuses in which a call holds one of its account's channels. */
export const liveStatuses = ["dialing", "ringing", "in_progress"] as const satisfies readonly CallStatusName[];

const order: Record<CallStatusName, number> = { queued: 0, dialing: 1, ringing: 2, in_progress: 3, completed: 4, failed: 4, busy: 4, no_answer: 4, cancelled: 4 };

/**
 * Whether a call may move from `from` to `to`. Calls only move forward (a late "ringing"
 * webhook after the answer is ignored), may skip steps (a fast answer skips ringing), and a
 * final status never changes. Only an answered call completes; busy / no answer end a call
 * that was not answered.
 */
export function canMove(from: CallStatusName, to: CallStatusName): boolean {
  if (from === to || finalStatuses.has(from)) return false;
  if (order[to] <= order[from]) return false;
  if (to === "completed") return from === "in_progress";
  // Only a call nobody has dialled yet can be cancelled; a live one is hung up instead.
  if (to === "cancelled") return from === "queued";
  if (to === "busy" || to === "no_answer") return from !== "in_progress";
  return true;
}

/** Maps a SIP participant's `sip.callStatus` attribute to our status (null: nothing to do). */
export function statusFromSipCallStatus(value: string | undefined): CallStatusName | null {
  switch (value) {
    case "dialing":
      return "dialing";
    case "ringing":
      return "ringing";
    case "active":
      return "in_progress";
    default:
      return null;
  }
}

/** The final status of a call that failed to connect with this SIP response code. */
export function statusFromSipCode(code: number | undefined): "busy" | "no_answer" | "failed" {
  if (code === 486 || code === 600) return "busy";
  if (code === 408 || code === 480 || code === 487) return "no_answer";
  return "failed";
}

/** Our plain words for a failed call; LiveKit's text is never shown. */
export function failureReasonFor(code: number | undefined): string {
  if (code === undefined) return "The call could not be connected.";
  if (code === 486 || code === 600) return "The destination was busy.";
  if (code === 408 || code === 480 || code === 487) return "The destination did not answer.";
  if (code === 401 || code === 407) return "The PBX refused the outbound credentials.";
  if (code === 403) return "The PBX refused the call (forbidden).";
  if (code === 404 || code === 484) return "The PBX does not know the destination number.";
  if (code >= 500) return `The PBX failed the call (SIP ${code}).`;
  return `The PBX refused the call (SIP ${code}).`;
}

/** Milliseconds between answer and end (null when either is missing; 0 when out of order). */
export function durationMs(answeredAt: Date | null, endedAt: Date | null): number | null {
  if (!answeredAt || !endedAt) return null;
  return Math.max(0, endedAt.getTime() - answeredAt.getTime());
}

/** Whole seconds between answer and end, rounded (null when either is missing). */
export function durationSeconds(answeredAt: Date | null, endedAt: Date | null): number | null {
  const ms = durationMs(answeredAt, endedAt);
  return ms === null ? null : Math.round(ms / 1000);
}
