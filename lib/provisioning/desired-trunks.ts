import type { InboundTrunkSpec, OutboundTrunkSpec } from "@/lib/livekit/sip-trunks";
import { headersToAttributes } from "@/lib/sip-accounts/pass-headers";
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
  /** What LiveKit's inbound trunk accepts: the account's list, or the SIP edge's addresses (lib/edge/edge-mode.ts). */
  allowedInboundIps: string[];
  inboundAuth: { username: string; password: string } | null;
  outboundAuth: { username: string; password: string } | null;
  /** Canonical E.164 numbers bound to the account. */
  numbers: string[];
  /** Inbound X- headers passed to the agent (lib/sip-accounts/pass-headers.ts). */
  passHeaders: string[];
};

export type DesiredTrunks = {
  inbound: InboundTrunkSpec;
  /** null when the account has no SIP server address: outbound is disabled. */
  outbound: OutboundTrunkSpec | null;
};

/**
 * The number a trunk holds while the account has none bound. LiveKit refuses an outbound
 * trunk without numbers, and treats inbound trunks without numbers as "any number": two of
 * those conflict (HTTP 400, whatever their allowed addresses) and would catch calls meant
 * for others. A SIP user no PBX dials keeps the trunk (and its id) while matching no call.
 */
const PARKING_PREFIX = "switchboard-unbound-";

export function parkingNumber(accountId: string): string {
  return `${PARKING_PREFIX}${accountId}`;
}

/** True for a parking number: Verify never names it to the operator as a bound number. */
export function isParkingNumber(number: string): boolean {
  return number.startsWith(PARKING_PREFIX);
}

export function desiredTrunks(account: AccountForProvisioning): DesiredTrunks {
  const numbers = account.numbers.length > 0 ? [...account.numbers].sort() : [parkingNumber(account.id)];
  const inbound: InboundTrunkSpec = {
    name: `${account.name} (inbound)`,
    metadata: markerMetadata({ spaceId: account.spaceId, accountId: account.id, role: "inbound-trunk" }),
    numbers,
    allowedAddresses: [...account.allowedInboundIps],
    headersToAttributes: headersToAttributes(account.passHeaders),
    ...(account.inboundAuth ? { auth: account.inboundAuth } : {}),
  };
  const outbound: OutboundTrunkSpec | null = account.sipServerAddress
    ? {
        name: `${account.name} (outbound)`,
        metadata: markerMetadata({ spaceId: account.spaceId, accountId: account.id, role: "outbound-trunk" }),
        address: account.sipServerAddress,
        transport: account.sipTransport,
        destinationCountry: account.destinationCountry,
        numbers,
        ...(account.outboundAuth ? { auth: account.outboundAuth } : {}),
      }
    : null;
  return { inbound, outbound };
}
