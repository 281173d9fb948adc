import type { VerifyReport } from "@/lib/provisioning/verify-checks";
import type { SipAccountDto } from "./schemas";

// What the console shows of an account: the DTO (never a password) plus where it stands in
// LiveKit. Type-only, so client components can import it.

export type ProvisioningView = {
  status: "pending" | "provisioned" | "not_provisioned";
  /** Plain-language reason when not provisioned. */
  reason: string | null;
  at: string | null;
};

export type SipAccountView = SipAccountDto & {
  inboundTrunkId: string | null;
  outboundTrunkId: string | null;
  provisioning: ProvisioningView;
  /** The last Verify's checks, or null when it never ran. */
  lastVerify: VerifyReport | null;
};

/** A row of the accounts list: the account and how many numbers are bound to it. */
export type SipAccountListItem = SipAccountView & { numbersCount: number };

/** The result of a write: the account as saved, and a warning when LiveKit was not reached. */
export type SipAccountWriteResult = {
  account: SipAccountView;
  provisioningFailed: boolean;
};
