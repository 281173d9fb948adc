import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client";

// An inbound call LiveKit accepted on an account's trunk proves where its PBX is: the source
// of the INVITE the SIP edge forwarded for that number a moment before (edge_forwards,
// written by lib/edge/route-inbound.ts). In direct mode (no edge) nothing records a source,
// and only an owner's approval proves an address.

/** How long after the edge forwarded an INVITE the call may still be matched to it. */
const FORWARD_MATCH_MS = 2 * 60_000;

export async function recordHostProofFromInboundCall(
  tx: Prisma.TransactionClient,
  target: { spaceId: string; sipAccountId: string | null; phoneNumberId: string | null; toNumber: string },
  at: Date,
): Promise<void> {
  if (!target.sipAccountId || !target.phoneNumberId) return;
  const forward = await tx.edgeForward.findUnique({ where: { phoneNumberId: target.phoneNumberId } });
  if (!forward || Math.abs(at.getTime() - forward.forwardedAt.getTime()) > FORWARD_MATCH_MS) return;
  await tx.pbxHostProof.createMany({
    data: [{ spaceId: target.spaceId, sipAccountId: target.sipAccountId, address: forward.sourceAddress, kind: "inbound_call", e164: target.toNumber }],
    skipDuplicates: true,
  });
}
