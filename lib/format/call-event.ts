// A call's timeline in plain words: the events keep their machine names (`status:queued`,
// `participant_joined` with `sip.callStatus dialing`) in the database and the API; people
// read these instead.

import type { CallStatusName } from "@/lib/calls/status";

/** A call status as people read it: the status badge and the timeline say the same. */
export const CALL_STATUS_LABELS: Record<CallStatusName, string> = {
  queued: "Queued",
  dialing: "Dialling",
  ringing: "Ringing",
  in_progress: "In progress",
  completed: "Completed",
  failed: "Failed",
  busy: "Busy",
  no_answer: "No answer",
  cancelled: "Cancelled",
};

const KIND: Record<string, string> = {
  participant_joined: "The phone line joined the call",
  participant_left: "The phone line left the call",
  room_finished: "The call's room closed",
  not_dispatched: "Not dispatched",
  dropped: "Dropped",
  ended_by_agent: "The agent hung up",
  transferred: "Transferred",
  transfer_failed: "Transfer failed",
  waiting: "Waiting",
  self_test: "Round-trip self-test",
};

// LiveKit's sip.callStatus attribute and disconnect reasons.
const SIP_STATUS: Record<string, string> = {
  dialing: "dialling",
  ringing: "ringing",
  automation: "sending digits",
  active: "answered",
  hangup: "hung up",
};
const LEFT: Record<string, string> = { hangup: "hung up", rejected: "rejected", unavailable: "unavailable", other: "ended" };

/** "no_answer" → "No answer": the fallback for names not listed here. */
function words(name: string): string {
  const text = name.replace(/[_:.]+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function describeCallEvent(kind: string, detail: string | null): { title: string; detail: string | null } {
  const status = /^status:(.+)$/.exec(kind)?.[1];
  const title = status !== undefined ? ((CALL_STATUS_LABELS as Record<string, string>)[status] ?? words(status)) : (KIND[kind] ?? words(kind));
  if (detail === null || detail === "") return { title, detail: null };
  const sip = /^sip\.callStatus (\S+)$/.exec(detail)?.[1];
  if (sip !== undefined) return { title, detail: `Phone line ${SIP_STATUS[sip] ?? sip.replace(/_/g, " ")}` };
  const left = /^left: (\S+)$/.exec(detail)?.[1];
  if (left !== undefined) return { title, detail: `Reason: ${LEFT[left] ?? left.replace(/_/g, " ").toLowerCase()}` };
  return { title, detail };
}
