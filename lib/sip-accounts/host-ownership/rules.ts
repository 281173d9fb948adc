// Host ownership, the rule (pure; the queries are in trust.ts). In production an account
// sends IP-trust outbound calls (no outbound digest, the PBX trusting "Our SIP server IPs")
// only to addresses it has shown are its own PBX's. Otherwise any tenant could point an
// account at another tenant's PBX, which trusts those same IPs, and call anywhere at its
// owner's expense.
//
// - An inbound call proves an address: the PBX sent us an INVITE from it for one of the
//   account's numbers and LiveKit accepted it on the account's trunk.
// - A Space owner's approval proves it only while no other Space holds the address: an
//   approval given while another Space already had it is void, and so is every approval once
//   another Space proves the address with a call. Two Spaces can thus IP-trust one host only
//   when each proved it with a call.

export type HostProof = {
  spaceId: string;
  sipAccountId: string;
  kind: "inbound_call" | "owner_approval";
  createdAt: Date;
};

export type HostTrust =
  | { trusted: true; by: "inbound_call" | "owner_approval"; since: Date }
  | { trusted: false; why: "unproven" | "held_by_another_space" };

/** Whether `account` may IP-trust an address, from every live proof of that address. */
export function hostTrust(account: { id: string; spaceId: string }, proofs: readonly HostProof[]): HostTrust {
  const own = proofs.filter((p) => p.sipAccountId === account.id);
  const call = own.find((p) => p.kind === "inbound_call");
  if (call) return { trusted: true, by: "inbound_call", since: call.createdAt };

  const others = proofs.filter((p) => p.spaceId !== account.spaceId);
  const approval = own.find((p) => p.kind === "owner_approval");
  if (!approval) return { trusted: false, why: others.length > 0 ? "held_by_another_space" : "unproven" };
  const voidedBy = others.find((p) => p.kind === "inbound_call" || p.createdAt.getTime() <= approval.createdAt.getTime());
  return voidedBy ? { trusted: false, why: "held_by_another_space" } : { trusted: true, by: "owner_approval", since: approval.createdAt };
}

/** Whether an owner may approve the address now: not while another Space holds it. */
export function approvalAllowed(spaceId: string, proofs: readonly HostProof[]): boolean {
  return !proofs.some((p) => p.spaceId !== spaceId);
}

export const hostMessages = {
  unproven: (address: string) =>
    `The SIP server address resolves to ${address}, which this account has not proven is its PBX. Calls without outbound authentication go there only after the PBX has sent a call from ${address} to one of the account's numbers, or a Space owner approves the address on the account's page. Or set an outbound username and password.`,
  heldByAnotherSpace: (address: string) =>
    `${address} is used by another Space's account. Calls without outbound authentication go there only after this account's PBX has sent a call from ${address} to one of its numbers; or set an outbound username and password.`,
  approvalRefused: (address: string) =>
    `${address} is used by another Space's account, so it cannot be approved by hand: have the PBX call one of this account's numbers from ${address}, or set an outbound username and password.`,
};
