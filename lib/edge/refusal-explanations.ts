// What a refused inbound call means and what fixes it, in the operator's words. Isomorphic:
// the account page, the Calls page's "Refused" view, REST and the call.refused event all
// say the same thing.

import type { refusalCauses } from "./refusal-schema";

export type RefusalCauseName = (typeof refusalCauses)[number];

/** The one-click fix offered beside a refusal. */
export type RefusalFix =
  | { kind: "bind_number"; number: string; label: string }
  | { kind: "allow_address"; address: string; label: string }
  | { kind: "check_inbound_password"; label: string }
  | { kind: "check_agent"; number: string; label: string }
  | { kind: "ask_administrator"; label: string };

export type RefusalFacts = {
  cause: RefusalCauseName;
  sipCode: number;
  calledNumber: string;
  matchedNumber: string | null;
  sourceAddress: string;
};

export function refusalCauseText(facts: RefusalFacts): string {
  switch (facts.cause) {
    case "unknown_number":
      return `The number ${facts.calledNumber} is not bound to any account, so the call was answered 404 Not Found.`;
    case "address_not_allowed":
      return `The call came from ${facts.sourceAddress}, which is not in this account's Allowed inbound IPs, so it was answered 403 Forbidden.`;
    case "digest_failed":
      return `Your PBX answered the password challenge with a username or password that does not match this account's inbound credentials (SIP ${facts.sipCode}).`;
    case "not_answered":
      return `LiveKit took the call for ${facts.matchedNumber ?? facts.calledNumber} but no agent answered it (SIP ${facts.sipCode}).`;
    case "space_suspended":
      return `The call to ${facts.matchedNumber ?? facts.calledNumber} was answered ${facts.sipCode} Forbidden because this Space is suspended by the deployment's administrator.`;
  }
}

/** The fix to offer; null when the refusal carries nothing to act on. */
export function refusalFix(facts: RefusalFacts, bindableNumber: string | null): RefusalFix | null {
  switch (facts.cause) {
    case "unknown_number":
      return bindableNumber ? { kind: "bind_number", number: bindableNumber, label: `Bind ${bindableNumber} to this account` } : null;
    case "address_not_allowed":
      return { kind: "allow_address", address: facts.sourceAddress, label: `Add ${facts.sourceAddress} to Allowed inbound IPs` };
    case "digest_failed":
      return { kind: "check_inbound_password", label: "Check the inbound password on your PBX" };
    case "not_answered":
      return { kind: "check_agent", number: facts.matchedNumber ?? facts.calledNumber, label: "Check the number's inbound agent and that the agent worker is running" };
    case "space_suspended":
      return { kind: "ask_administrator", label: "Ask the deployment's administrator to resume this Space" };
  }
}
