import "server-only";
import { serverEnv } from "@/lib/env";

// Edge mode (SIP_EDGE_ADDRESSES set) or direct mode: the one place that decides what
// LiveKit's inbound trunks accept.

/** True when a SIP edge sits in front of livekit-sip. */
export function edgeMode(): boolean {
  return serverEnv().SIP_EDGE_ADDRESSES.length > 0;
}

/**
 * The source addresses an account's LiveKit inbound trunk accepts. Direct mode: the
 * account's Allowed inbound IPs. Edge mode: only the edge's addresses, since every INVITE
 * arrives from the edge, which has already checked the account's list (route-inbound.ts).
 */
export function liveKitInboundAddresses(accountAllowlist: string[]): string[] {
  const edge = serverEnv().SIP_EDGE_ADDRESSES;
  return edge.length > 0 ? [...edge] : [...accountAllowlist];
}
