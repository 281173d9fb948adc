import type { ProvisioningView } from "@/lib/sip-accounts/view";

// What the BYOC API shows of a number, in the seed's field names, plus the Custom SIP account
// it shares with other numbers. Never a password: only whether one is set. Type-only.

export type ByocNumberView = {
  phoneNumber: string;
  friendlyName: string | null;
  inboundAgentId: string | null;
  outboundAgentId: string | null;
  /** host[:port] with ;transport= unless automatic; null when the account places no calls. */
  terminationUri: string | null;
  sipUsername: string | null;
  sipPasswordSet: boolean;
  /** The account the number arrives on; a credential change applies to all its numbers. */
  sipAccount: { id: string; name: string; phoneNumbers: string[] };
  dispatchRuleId: string | null;
  provisioning: ProvisioningView;
  createdAt: string;
};

export type ByocNumberPage = { items: ByocNumberView[]; nextCursor: string | null; total: number };

export type ByocWriteResult = { number: ByocNumberView; provisioningFailed: boolean };
