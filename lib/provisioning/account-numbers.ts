import "server-only";
import type { AccountTx } from "./account-lock";
import type { NumberForProvisioning } from "./desired-dispatch-rules";

// The bound numbers of an account as provisioning reads them, and where each one's outcome
// is recorded. Only rows whose state changed are written, so converging an account with
// thousands of numbers writes only what moved.

export type LiveNumberRow = NumberForProvisioning & {
  dispatchRuleId: string | null;
  provisioningStatus: "pending" | "provisioned" | "not_provisioned";
  provisioningError: string | null;
};

/** The account's live numbers in number order (the index on sipAccountId, e164 serves it). */
export async function loadLiveNumbers(tx: AccountTx, accountId: string): Promise<LiveNumberRow[]> {
  const rows = await tx.phoneNumber.findMany({
    where: { sipAccountId: accountId, liveE164: { not: null } },
    orderBy: { e164: "asc" },
    select: { id: true, e164: true, spaceId: true, inboundAgentId: true, dispatchRuleId: true, provisioningStatus: true, provisioningError: true },
  });
  return rows;
}

type NumberOutcome = { dispatchRuleId: string | null; status: "provisioned" | "not_provisioned"; reason: string | null };

export async function recordNumberOutcomes(tx: AccountTx, numbers: LiveNumberRow[], outcomeOf: (n: LiveNumberRow) => NumberOutcome): Promise<void> {
  const now = new Date();
  for (const n of numbers) {
    const o = outcomeOf(n);
    if (n.dispatchRuleId === o.dispatchRuleId && n.provisioningStatus === o.status && n.provisioningError === o.reason) continue;
    await tx.phoneNumber.update({
      where: { id: n.id },
      data: {
        dispatchRuleId: o.dispatchRuleId,
        provisioningStatus: o.status,
        provisioningError: o.reason,
        ...(o.status === "provisioned" ? { provisionedAt: now } : {}),
      },
    });
  }
}

/** Every live number of the account gets the same failure (the trunks could not be converged). */
export async function recordNumbersFailed(tx: AccountTx, accountId: string, reason: string): Promise<void> {
  await tx.phoneNumber.updateMany({
    where: { sipAccountId: accountId, liveE164: { not: null } },
    data: { provisioningStatus: "not_provisioned", provisioningError: reason },
  });
}
