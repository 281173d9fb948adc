import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { resolveSipDestination } from "@/lib/net/sip-destination";
import type { SpaceContext } from "@/lib/spaces/context";
import { findLiveAccount } from "../repository";
import { approvalAllowed, hostMessages } from "./rules";
import { proofsOf } from "./trust";
import { hostOwnershipView, type HostOwnershipView } from "./view";

// A Space owner vouches for the account's PBX address by hand (a PBX that never calls in,
// or direct mode, where no edge records where calls come from). The row written is the audit
// record: which address, which account, who, when. Refused while another Space holds the
// address: there only a call from the PBX proves it (rules.ts).

export async function approveOutboundHost(ctx: SpaceContext, accountId: string): Promise<HostOwnershipView> {
  const row = await findLiveAccount(ctx, accountId);
  if (!roleAtLeast(ctx.role, "OWNER")) throw new ForbiddenError("Only a Space owner can approve the PBX's address.");
  if (row.sipServerAddress === null) {
    const message = "The account has no SIP server address to approve.";
    throw new ValidationError(message, { sipServerAddress: [message] });
  }
  const destination = await resolveSipDestination(row.sipServerAddress, serverEnv().DEPLOYMENT_MODE);
  if (!destination.ok || destination.addresses.length === 0) {
    const message = destination.ok ? `“${destination.host}” does not resolve to an address, so there is nothing to approve.` : destination.error;
    throw new ValidationError(message, { sipServerAddress: [message] });
  }
  const proofs = await proofsOf(destination.addresses);
  const held = destination.addresses.find((address) => !approvalAllowed(ctx.spaceId, proofs.get(address) ?? []));
  if (held) throw new ConflictError(hostMessages.approvalRefused(held), { sipServerAddress: [hostMessages.approvalRefused(held)] });

  const approvedBy = await approverName(ctx);
  await db().pbxHostProof.createMany({
    data: destination.addresses.map((address) => ({ spaceId: ctx.spaceId, sipAccountId: row.id, address, kind: "owner_approval" as const, approvedBy })),
    skipDuplicates: true,
  });
  return hostOwnershipView(ctx, accountId);
}

async function approverName(ctx: SpaceContext): Promise<string> {
  if (ctx.apiKeyId) {
    const key = await db().apiKey.findUnique({ where: { id: ctx.apiKeyId }, select: { name: true } });
    return `API key “${key?.name ?? ctx.apiKeyId}”`;
  }
  const user = await db().user.findUnique({ where: { id: ctx.userId }, select: { email: true } });
  return user?.email ?? ctx.userId;
}
