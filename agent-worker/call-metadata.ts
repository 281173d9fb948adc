import { variablesFromMetadata, type CallVariables } from "./variables.js";

// What the worker knows about a call before it loads an agent: the job metadata written by
// the number's dispatch rule (JSON), else the SIP participant's attributes. Read defensively:
// a rule written by an older or newer console, or by hand, must never crash a call.

export type CallTarget = {
  /** The dialled number (E.164), from the metadata or the SIP participant. */
  number: string | null;
  /** The number's inbound agent; null when none is assigned. */
  agentId: string | null;
  spaceId: string | null;
  accountId: string | null;
  phoneNumberId: string | null;
  /** Outbound calls (placed by the console) greet only once the callee has answered. */
  direction: "inbound" | "outbound";
  /** The console's call id, for outbound calls. */
  callId: string | null;
  /** Where `number` came from, for the logs. */
  numberSource: "metadata" | "sip-attribute" | "none";
  /** Why the metadata was not used, when it was not. */
  metadataProblem: string | null;
  /** The batch row's values for the agent's {{variables}} (outbound calls). */
  variables: CallVariables;
};

const ID = /^[A-Za-z0-9_-]{1,128}$/;
const E164 = /^\+[1-9]\d{1,14}$/;

function pick(obj: Record<string, unknown>, key: string, pattern: RegExp): string | null {
  const v = obj[key];
  return typeof v === "string" && pattern.test(v) ? v : null;
}

export function parseCallMetadata(raw: string | undefined | null, sipAttributes: Record<string, string> = {}): CallTarget {
  let meta: Record<string, unknown> = {};
  let metadataProblem: string | null = null;
  if (!raw || raw.trim() === "") {
    metadataProblem = "the job has no metadata";
  } else {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>;
      else metadataProblem = "the job metadata is not a JSON object";
    } catch {
      metadataProblem = "the job metadata is not JSON";
    }
  }

  const metaNumber = pick(meta, "number", E164);
  const sipNumber = typeof sipAttributes["sip.trunkPhoneNumber"] === "string" && E164.test(sipAttributes["sip.trunkPhoneNumber"]) ? sipAttributes["sip.trunkPhoneNumber"] : null;
  // The console's rules say "inboundAgentId"; "agentId" is accepted for hand-made rules.
  const agentId = pick(meta, "inboundAgentId", ID) ?? pick(meta, "agentId", ID);

  return {
    number: metaNumber ?? sipNumber,
    agentId,
    spaceId: pick(meta, "spaceId", ID),
    accountId: pick(meta, "accountId", ID),
    phoneNumberId: pick(meta, "phoneNumberId", ID),
    direction: meta.direction === "outbound" ? "outbound" : "inbound",
    callId: pick(meta, "callId", ID),
    numberSource: metaNumber ? "metadata" : sipNumber ? "sip-attribute" : "none",
    metadataProblem,
    variables: variablesFromMetadata(meta.variables),
  };
}
