import "server-only";
import { db } from "@/lib/db/client";
import type { IpMode } from "@/lib/net/ipv4";
import { resolveSipDestination, type Resolver } from "@/lib/net/sip-destination";
import { hostMessages, hostTrust, type HostProof, type HostTrust } from "./rules";

// Host ownership, from the database: the live proofs of an address, and the one question
// the calls service (placing) and the dispatcher (dialling) ask. Names are resolved every
// time: what counts is where the INVITE would go now.

export type OutboundAccount = { id: string; spaceId: string; sipServerAddress: string | null; outboundUsername: string | null };

/** Every live account's proofs of `addresses`, by address. */
export async function proofsOf(addresses: readonly string[]): Promise<Map<string, HostProof[]>> {
  const rows = await db().pbxHostProof.findMany({
    where: { address: { in: [...addresses] }, sipAccount: { deletedAt: null } },
    select: { address: true, spaceId: true, sipAccountId: true, kind: true, createdAt: true },
  });
  const byAddress = new Map<string, HostProof[]>();
  for (const { address, ...proof } of rows) byAddress.set(address, [...(byAddress.get(address) ?? []), proof]);
  return byAddress;
}

export async function trustOf(account: { id: string; spaceId: string }, addresses: readonly string[]): Promise<{ address: string; trust: HostTrust }[]> {
  const proofs = await proofsOf(addresses);
  return addresses.map((address) => ({ address, trust: hostTrust(account, proofs.get(address) ?? []) }));
}

/**
 * Why this account may not send an outbound call now, or null. Only production asks: a
 * local deployment is one operator's own machine. With an outbound username the PBX
 * authenticates the account itself, so only the address policy applies.
 */
export async function outboundHostRefusal(account: OutboundAccount, mode: IpMode, resolve?: Resolver): Promise<string | null> {
  if (mode === "local" || account.sipServerAddress === null) return null;
  const destination = await resolveSipDestination(account.sipServerAddress, mode, resolve);
  if (!destination.ok) return destination.error;
  if (account.outboundUsername) return null;
  for (const { address, trust } of await trustOf(account, destination.addresses)) {
    if (!trust.trusted) return trust.why === "unproven" ? hostMessages.unproven(address) : hostMessages.heldByAnotherSpace(address);
  }
  return null;
}
