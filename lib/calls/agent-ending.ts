import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";

// The agent worker's word that it is about to hang up a call itself, and why: its LLM called
// the end_call tool (offline: the caller pressed #), the agent's maximum call duration was
// reached, or nobody spoke for its silence timeout. Recorded on the call and its timeline
// before the hang-up, so the leave webhook completes the call with this reason.

const NAME = /^[A-Za-z0-9_.:+@-]{1,128}$/;

export const endingReasons = ["end_call_tool", "max_duration", "silence"] as const;
export type EndingReason = (typeof endingReasons)[number];

export const agentEndingReport = z.strictObject({
  roomName: z.string().regex(NAME),
  participantIdentity: z.string().regex(NAME),
  reason: z.enum(endingReasons),
  /** The agent's limit that was reached, for max_duration and silence. */
  seconds: z.int().min(1).max(86_400).optional(),
});
export type AgentEndingReport = z.output<typeof agentEndingReport>;

/** How the call log words each reason. */
export function endingReasonWords(reason: EndingReason, seconds?: number): string {
  switch (reason) {
    case "end_call_tool":
      return "The agent ended the call.";
    case "max_duration":
      return `The call reached the agent's maximum duration${seconds ? ` of ${seconds} seconds` : ""}.`;
    case "silence":
      return `Nobody spoke for ${seconds ? `${seconds} seconds` : "too long"} (the agent's silence timeout).`;
  }
}

/** "unknown" when no live call has that room and SIP participant. */
export async function recordAgentEnding(report: AgentEndingReport): Promise<"recorded" | "unknown"> {
  const words = endingReasonWords(report.reason, report.seconds);
  return db().$transaction(async (tx) => {
    const call = await tx.call.findUnique({ where: { roomName: report.roomName }, select: { id: true, status: true, participantIdentity: true } });
    if (!call || (call.participantIdentity !== null && call.participantIdentity !== report.participantIdentity)) return "unknown";
    if (!["dialing", "ringing", "in_progress"].includes(call.status)) return "unknown";
    await tx.call.update({ where: { id: call.id }, data: { endReason: words } });
    await tx.callEvent.create({ data: { callId: call.id, kind: "ended_by_agent", detail: words } });
    return "recorded";
  });
}
