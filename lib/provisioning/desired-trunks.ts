import type { InboundTrunkSpec, OutboundTrunkSpec } from "@/lib/livekit/sip-trunks";
import { markerMetadata } from "./marker";

// The LiveKit trunks an account should have, computed from the database alone. Pure, so the
// same function drives create, edit, Verify and Reprovision, and is unit-tested.

export type AccountForProvisioning = {
  id: string;
  spaceId: string;
  name: string;
  sipServerAddress: string | null;
  sipTransport: "auto" | "udp" | "tcp" | "tls";
  destinationCountry: string;
  allowedInboundIps: string[];
  inboundAuth: { username: string; password: string } | null;
  outboundAuth: { username: string; password: string } | null;
  /** Canonical E.164 numbers bound to the account. */
  numbers: string[];
};

export type DesiredTrunks = {
  inbound: InboundTrunkSpec;
  /** null when the account has no SIP server address: outbound is disabled. */
  outbound: OutboundTrunkSpec | null;
};

export function desiredTrunks(account: AccountForProvisioning): DesiredTrunks {
  const inbound: InboundTrunkSpec = {
    name: `${account.name} (inbound)`,
    metadata: markerMetadata({ spaceId: account.spaceId, accountId: account.id, role: "inbound-trunk" }),
    numbers: [...account.numbers].sort(),
    allowedAddresses: [...account.allowedInboundIps],
    ...(account.inboundAuth ? { auth: account.inboundAuth } : {}),
  };
  const outbound: OutboundTrunkSpec | null = account.sipServerAddress
    ? {
        name: `${account.name} (outbound)`,
        metadata: markerMetadata({ spaceId: account.spaceId, accountId: account.id, role: "outbound-trunk" }),
        address: account.sipServerAddress,
        transport: account.sipTransport,
        destinationCountry: account.destinationCountry,
        numbers: [...account.numbers].sort(),
        ...(account.outboundAuth ? { auth: account.outboundAuth } : {}),
      }
    : null;
  return { inbound, outbound };
}
