import "server-only";
import { db } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";
import { resolveSipDestination } from "@/lib/net/sip-destination";
import type { SpaceContext } from "@/lib/spaces/context";
import { findLiveAccount } from "../repository";
import { trustOf } from "./trust";

// What the account page and GET .../host-ownership show: whether host ownership applies to
// the account, where its SIP server address points now and whether each address is proven,
// and the record of every proof (which call, or which owner approved, and when).

export type HostOwnershipView = {
  /** The account's SIP server address as saved (null: the account places no calls). */
  sipServerAddress: string | null;
  /** Host ownership is enforced here (production mode). */
  enforced: boolean;
  /** The account sends outbound calls without a username (the PBX trusts our IPs). */
  ipTrust: boolean;
  /** Why the SIP server address could not be resolved or is refused; null when it resolved. */
  resolveError: string | null;
  addresses: { address: string; proven: boolean; provenBy: "inbound_call" | "owner_approval" | null; heldByAnotherSpace: boolean }[];
  /** Outbound calls to the PBX may be placed as far as host ownership goes. */
  outboundAllowed: boolean;
  proofs: { address: string; kind: "inbound_call" | "owner_approval"; number: string | null; approvedBy: string | null; at: string }[];
};

export async function hostOwnershipView(ctx: SpaceContext, accountId: string): Promise<HostOwnershipView> {
  const row = await findLiveAccount(ctx, accountId);
  const mode = serverEnv().DEPLOYMENT_MODE;
  const enforced = mode === "production";
  const ipTrust = row.outboundUsername === null;
  const proofs = await db().pbxHostProof.findMany({ where: { sipAccountId: row.id }, orderBy: { createdAt: "desc" }, take: 50 });
  const proofRows = proofs.map((p) => ({ address: p.address, kind: p.kind, number: p.e164, approvedBy: p.approvedBy, at: p.createdAt.toISOString() }));
  if (row.sipServerAddress === null) return { sipServerAddress: row.sipServerAddress, enforced, ipTrust, resolveError: null, addresses: [], outboundAllowed: false, proofs: proofRows };

  const destination = await resolveSipDestination(row.sipServerAddress, mode);
  if (!destination.ok) return { sipServerAddress: row.sipServerAddress, enforced, ipTrust, resolveError: destination.error, addresses: [], outboundAllowed: !enforced, proofs: proofRows };
  const addresses = (await trustOf(row, destination.addresses)).map(({ address, trust }) => ({
    address,
    proven: trust.trusted,
    provenBy: trust.trusted ? trust.by : null,
    heldByAnotherSpace: !trust.trusted && trust.why === "held_by_another_space",
  }));
  const outboundAllowed = !enforced || !ipTrust || (addresses.length > 0 && addresses.every((a) => a.proven));
  return { sipServerAddress: row.sipServerAddress, enforced, ipTrust, resolveError: null, addresses, outboundAllowed, proofs: proofRows };
}
