import "server-only";
import { decryptSecret } from "@/lib/crypto/credentials";
import { serverEnv } from "@/lib/env";
import { resolveSipDestination } from "@/lib/net/sip-destination";
import { credentialsKeyring } from "@/lib/sip-accounts/keyring";
import { checkLocalConfig, type StoredAccountConfig } from "./local-config-check";

// Before provisioning writes anything to LiveKit. The row may have drifted from the form's
// rules (a restored backup, a manual SQL edit, a key rotated away), so the local config check
// Verify shows runs first; and in production the SIP server address is resolved again, since
// a name that was public when saved may point at 127.0.0.1 or a metadata service today.

type PreflightRow = StoredAccountConfig & { id: string };

/** Whether the stored password of `field` opens with today's CREDENTIALS_KEYS. */
export function passwordReadable(row: { id: string; inboundPasswordEnc: string | null; outboundPasswordEnc: string | null }, field: "inbound" | "outbound"): boolean {
  const enc = row[`${field}PasswordEnc`];
  if (!enc) return true;
  try {
    decryptSecret(credentialsKeyring(), enc, { accountId: row.id, field });
    return true;
  } catch {
    return false;
  }
}

/** The plain-language reason provisioning must not run for this row, or null. */
export async function provisioningRefusal(row: PreflightRow): Promise<string | null> {
  const mode = serverEnv().DEPLOYMENT_MODE;
  const local = checkLocalConfig(row, mode, { inbound: passwordReadable(row, "inbound"), outbound: passwordReadable(row, "outbound") });
  if (local.status === "failed") return `${local.reason} Edit the account to fix it; nothing was changed in LiveKit.`;
  if (mode === "production" && row.sipServerAddress !== null) {
    const destination = await resolveSipDestination(row.sipServerAddress, mode);
    if (!destination.ok) return `SIP server address: ${destination.error} Nothing was changed in LiveKit.`;
  }
  return null;
}
