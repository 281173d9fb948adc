import "server-only";
import type { LiveKitClients } from "@/lib/livekit/client";
import { UpstreamError } from "@/lib/errors";
import { decryptSecret } from "@/lib/crypto/credentials";
import { credentialsKeyring } from "@/lib/sip-accounts/keyring";
import { withAccountLock } from "./account-lock";
import { convergeTrunks, removeTrunks } from "./converge-trunks";
import { desiredTrunks, type AccountForProvisioning } from "./desired-trunks";

// The database side of provisioning: read the account as stored, converge LiveKit to it,
// and record the outcome on the row (ids, status, a plain reason) in the same lock, so the
// card never claims more than LiveKit holds.

export type ProvisionOutcome =
  | { ok: true; changes: string[] }
  | { ok: false; reason: string };

type AccountRow = {
  id: string;
  spaceId: string;
  name: string;
  sipServerAddress: string | null;
  sipTransport: AccountForProvisioning["sipTransport"];
  destinationCountry: string;
  allowedInboundIps: string[];
  inboundUsername: string | null;
  inboundPasswordEnc: string | null;
  outboundUsername: string | null;
  outboundPasswordEnc: string | null;
};

function auth(accountId: string, field: "inbound" | "outbound", username: string | null, enc: string | null) {
  if (!username || !enc) return null;
  return { username, password: decryptSecret(credentialsKeyring(), enc, { accountId, field }) };
}

export function toProvisioningInput(row: AccountRow, numbers: string[]): AccountForProvisioning {
  return {
    id: row.id,
    spaceId: row.spaceId,
    name: row.name,
    sipServerAddress: row.sipServerAddress,
    sipTransport: row.sipTransport,
    destinationCountry: row.destinationCountry,
    allowedInboundIps: row.allowedInboundIps,
    inboundAuth: auth(row.id, "inbound", row.inboundUsername, row.inboundPasswordEnc),
    outboundAuth: auth(row.id, "outbound", row.outboundUsername, row.outboundPasswordEnc),
    numbers,
  };
}

export const LIVEKIT_DOWN_REASON = "LiveKit could not be reached, so the trunks were not created or updated. Use Reprovision once it is back.";

function reasonFor(err: UpstreamError): string {
  return err.kind === "unreachable" ? LIVEKIT_DOWN_REASON : `LiveKit refused the change: ${err.publicMessage} Use Reprovision after fixing it.`;
}

/** Converges one live account; LiveKit failures are recorded on the row and returned, not thrown. */
export async function provisionAccount(accountId: string, options: { sweep?: boolean; lk?: LiveKitClients } = {}): Promise<ProvisionOutcome> {
  return withAccountLock(accountId, async (tx) => {
    const row = await tx.sipAccount.findFirst({ where: { id: accountId, deletedAt: null } });
    if (!row) return { ok: false, reason: "The account no longer exists." };
    try {
      const desired = desiredTrunks(toProvisioningInput(row, []));
      const result = await convergeTrunks(row.id, desired, row, { sweep: options.sweep ?? false, lk: options.lk });
      await tx.sipAccount.update({
        where: { id: row.id },
        data: { ...result.ids, provisioningStatus: "provisioned", provisioningError: null, provisionedAt: new Date() },
      });
      return { ok: true, changes: result.changes };
    } catch (err) {
      if (!(err instanceof UpstreamError)) throw err;
      console.error(`[provisioning] account ${row.id}:`, err.cause ?? err);
      const reason = reasonFor(err);
      await tx.sipAccount.update({ where: { id: row.id }, data: { provisioningStatus: "not_provisioned", provisioningError: reason } });
      return { ok: false, reason };
    }
  });
}

/** Removes the account's LiveKit objects; throws UpstreamError when LiveKit is down (nothing is deleted then). */
export async function deprovisionAccount(accountId: string, lk?: LiveKitClients): Promise<void> {
  await withAccountLock(accountId, async (tx) => {
    const row = await tx.sipAccount.findUnique({ where: { id: accountId } });
    if (!row) return;
    await removeTrunks(row.id, row, lk);
  });
}
