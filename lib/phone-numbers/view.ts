import type { ProvisioningView } from "@/lib/sip-accounts/view";

// What the console and the REST API show of a bound number. Type-only, so client
// components can import it.

export type PhoneNumberView = {
  id: string;
  /** Canonical E.164. */
  number: string;
  label: string | null;
  /** Set when the number is possible but not known to be valid for its country: check the digits. */
  warning: string | null;
  /** A platform number's is `{ id: "platform", name: <the carrier's label> }`. */
  account: { id: string; name: string };
  /** Assigned to the Space by the deployment's administrator from the platform pool ("Platform number"). */
  platform: boolean;
  inboundAgent: { id: string; name: string } | null;
  outboundAgent: { id: string; name: string } | null;
  dispatchRuleId: string | null;
  provisioning: ProvisioningView;
  createdAt: string;
  /** Proven this Space's (README: Number ownership); in production only verified numbers are caller IDs. */
  verified: boolean;
  /** When it was verified, and how: an inbound call, the INVITE that proved a claim, or this Space's earlier proof on the same account. */
  verifiedAt: string | null;
  verifiedBy: "inbound_call" | "claim_call" | "rebind" | "platform" | null;
};

export type PhoneNumberPage = {
  items: PhoneNumberView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** How many numbers match the search, over all pages. */
  total: number;
};

/** The result of a write: the number as saved, and whether LiveKit was left behind. */
export type PhoneNumberWriteResult = {
  number: PhoneNumberView;
  provisioningFailed: boolean;
};
