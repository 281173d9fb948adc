import type { DispatchRuleSpec } from "@/lib/livekit/dispatch-rules";
import { markerMetadata } from "./marker";

// The LiveKit dispatch rules an account should have: one per bound number, computed from the
// database alone (pure, unit-tested). Each rule takes the calls to its number on the
// account's inbound trunk, opens a new room per call and dispatches the agent worker with
// the number's inbound agent in the job metadata.

/** Rooms are `call_<caller>_<random>`: one per call, so the agent dispatch applies to each. */
export const ROOM_PREFIX = "call";

export type NumberForProvisioning = {
  id: string;
  /** Canonical E.164. */
  e164: string;
  inboundAgentId: string | null;
  /**
   * The Space the number serves when it is not its account's: a platform number assigned to
   * a Space rides the platform carrier's trunks (lib/platform-numbers), its calls are the
   * Space's. Absent: the account's Space.
   */
  spaceId?: string;
};

/** What the worker receives as the job's metadata for a call to the number. */
export type AgentDispatchMetadata = {
  phoneNumberId: string;
  number: string;
  inboundAgentId: string | null;
  accountId: string;
  spaceId: string;
};

export type DesiredDispatchRule = {
  phoneNumberId: string;
  number: string;
  spec: DispatchRuleSpec;
};

export function agentDispatchMetadata(meta: AgentDispatchMetadata): string {
  // Fixed key order, so the same row always gives the same string and drift is a string compare.
  return JSON.stringify({
    phoneNumberId: meta.phoneNumberId,
    number: meta.number,
    inboundAgentId: meta.inboundAgentId,
    accountId: meta.accountId,
    spaceId: meta.spaceId,
  });
}

export function desiredDispatchRules(
  account: { id: string; spaceId: string },
  inboundTrunkId: string,
  numbers: NumberForProvisioning[],
  agentName: string,
): DesiredDispatchRule[] {
  return [...numbers]
    .sort((a, b) => (a.e164 < b.e164 ? -1 : a.e164 > b.e164 ? 1 : 0))
    .map((n) => ({
      phoneNumberId: n.id,
      number: n.e164,
      spec: {
        name: n.e164,
        metadata: markerMetadata({ spaceId: account.spaceId, accountId: account.id, role: "dispatch-rule", number: n.e164 }),
        trunkIds: [inboundTrunkId],
        // The rules of one trunk differ only by number; LiveKit matches it exactly against the
        // called number, so the PBX must send the number as bound (E.164 with the +).
        numbers: [n.e164],
        roomPrefix: ROOM_PREFIX,
        agent: {
          name: agentName,
          metadata: agentDispatchMetadata({ phoneNumberId: n.id, number: n.e164, inboundAgentId: n.inboundAgentId, accountId: account.id, spaceId: n.spaceId ?? account.spaceId }),
        },
      },
    }));
}
