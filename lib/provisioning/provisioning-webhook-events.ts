import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

// An account's provisioning events, ordered per account. Sent when something changed: a
// provisioning that found LiveKit already right, or that failed again for the same reason
// (a background retry while LiveKit is away), is not news.

type Tx = Prisma.TransactionClient;
type Before = { id: string; spaceId: string; name: string; provisioningStatus: string; provisioningError: string | null };

export async function emitProvisioned(tx: Tx, before: Before, changes: string[]): Promise<void> {
  if (before.provisioningStatus === "provisioned" && changes.length === 0) return;
  await emitWebhookEvent(tx, {
    spaceId: before.spaceId,
    type: "sip_account.provisioned",
    orderingKey: `sip_account:${before.id}`,
    data: { sipAccountId: before.id, name: before.name, changes },
  });
}

export async function emitProvisioningFailed(tx: Tx, before: Before, reason: string): Promise<void> {
  if (before.provisioningStatus === "not_provisioned" && before.provisioningError === reason) return;
  await emitWebhookEvent(tx, {
    spaceId: before.spaceId,
    type: "sip_account.provisioning_failed",
    orderingKey: `sip_account:${before.id}`,
    data: { sipAccountId: before.id, name: before.name, reason },
  });
}

/** Verify found LiveKit out of step with the account: the failing checks, by name, with our plain reasons. */
export async function emitDriftDetected(tx: Tx, account: { id: string; spaceId: string; name: string }, failed: { name: string; reason: string }[]): Promise<void> {
  await emitWebhookEvent(tx, {
    spaceId: account.spaceId,
    type: "sip_account.drift_detected",
    orderingKey: `sip_account:${account.id}`,
    data: { sipAccountId: account.id, name: account.name, checks: failed },
  });
}
