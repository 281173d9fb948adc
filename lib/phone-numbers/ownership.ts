import "server-only";
import { db, isUniqueViolation } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { addressAllowed } from "@/lib/net/address-in-list";
import { ConflictError } from "@/lib/errors";
import { withAccountLock } from "@/lib/provisioning/account-lock";
import { changeAccountStrictly, provisionAccount } from "@/lib/provisioning/provision-account";
import type { SpaceContext } from "@/lib/spaces/context";
import { emitNumberBinding } from "./number-webhook-events";
import { carriesVerification, claimDecision, claimPendingMessage, provenClaim, type VerifiedBy } from "./ownership-rules";
import { releasedNumberData } from "./repository";
import type { BindPhoneNumberInput } from "./schemas";

// Number ownership in the database (the rules are ownership-rules.ts): verification by an
// inbound call, carrying a Space's own proof to a re-binding, and claims on numbers another
// Space has held unverified for 72 hours, proven by an INVITE at the SIP edge.

type Tx = Prisma.TransactionClient;

/**
 * An inbound call reached LiveKit on the number's account trunk, so the PBX passed the
 * account's inbound rules (allowlist and/or digest): the binding is proven. Called in the
 * transaction that records the call; a call on another trunk proves nothing.
 */
export async function verifyNumberByInboundCall(tx: Tx, target: { phoneNumberId: string | null }, trunkId: string | undefined, at: Date): Promise<void> {
  if (!target.phoneNumberId || !trunkId) return;
  await tx.phoneNumber.updateMany({
    where: { id: target.phoneNumberId, liveE164: { not: null }, verifiedAt: null, sipAccount: { inboundTrunkId: trunkId } },
    data: { verifiedAt: at, verifiedBy: "inbound_call" satisfies VerifiedBy },
  });
}

/**
 * The verification a new binding starts with: the Space's own earlier proof on the same
 * account, when nobody verified the number elsewhere since. Chosen because it is one query:
 * unbinding and binding again (to change agents the long way, or after a mistake) should not
 * need another call from the PBX.
 */
export async function carriedVerification(tx: Tx, binding: { spaceId: string; sipAccountId: string; e164: string }): Promise<{ verifiedAt: Date; verifiedBy: VerifiedBy } | Record<string, never>> {
  const latest = await tx.phoneNumber.findFirst({ where: { e164: binding.e164, verifiedAt: { not: null } }, orderBy: { verifiedAt: "desc" }, select: { spaceId: true, sipAccountId: true } });
  return carriesVerification(latest, binding) ? { verifiedAt: new Date(), verifiedBy: "rebind" } : {};
}

/** Whether the Space is the deployment's platform Space (the pool of platform numbers). */
export async function isPlatformSpace(tx: Tx, spaceId: string): Promise<boolean> {
  return (await tx.space.findUnique({ where: { id: spaceId }, select: { isPlatform: true } }))?.isPlatform ?? false;
}

/** Platform numbers, in the pool and assigned, are verified by the administrator's word. */
export function platformVerification(now = new Date()): { verifiedAt: Date; verifiedBy: VerifiedBy } {
  return { verifiedAt: now, verifiedBy: "platform" };
}

/** A binding of the number by this Space answers its own pending claims on it. */
export async function closeOwnClaims(tx: Tx, binding: { spaceId: string; e164: string }): Promise<void> {
  await tx.phoneNumber.updateMany({ where: { spaceId: binding.spaceId, e164: binding.e164, liveE164: null, unboundAt: null, claimedAt: { not: null } }, data: { unboundAt: new Date() } });
}

export type NumberClaim = { number: string; accountId: string; status: "pending"; claimedAt: string; message: string };

/**
 * Another account holds the number. Refuses (409, saying why) unless that binding is
 * unverified and 72 hours old; then records this account's pending claim (one per Space and
 * account) and says how to prove it.
 */
export async function claimOrRefuse(ctx: SpaceContext, input: BindPhoneNumberInput, takenMessage: string): Promise<NumberClaim> {
  const holder = await db().phoneNumber.findUnique({ where: { liveE164: input.number }, select: { spaceId: true, verifiedAt: true, createdAt: true } });
  // Released meanwhile, or held by this very Space (a second account): the plain answer.
  if (!holder || holder.spaceId === ctx.spaceId) throw new ConflictError(takenMessage, { number: [takenMessage] });
  const account = await db().sipAccount.findFirst({ where: { id: input.accountId, spaceId: ctx.spaceId, deletedAt: null }, select: { allowedInboundIps: true } });
  const decision = claimDecision(holder, (account?.allowedInboundIps.length ?? 0) > 0, new Date());
  if (decision.kind === "refuse") throw new ConflictError(decision.message, { number: [decision.message] });

  const claim = await withAccountLock(input.accountId, async (tx) => {
    const pending = { spaceId: ctx.spaceId, sipAccountId: input.accountId, e164: input.number, liveE164: null, unboundAt: null, claimedAt: { not: null } };
    const existing = await tx.phoneNumber.findFirst({ where: pending, select: { claimedAt: true } });
    if (existing?.claimedAt) return existing.claimedAt;
    // Agents are chosen once the number is this Space's: a claim holds no agent it could block.
    const created = await tx.phoneNumber.create({ data: { spaceId: ctx.spaceId, sipAccountId: input.accountId, e164: input.number, label: input.label, claimedAt: new Date() }, select: { claimedAt: true } });
    return created.claimedAt!;
  });
  return { number: input.number, accountId: input.accountId, status: "pending", claimedAt: claim.toISOString(), message: claimPendingMessage(input.number) };
}

const pendingClaimWhere = (e164: string) => ({ e164, liveE164: null, unboundAt: null, claimedAt: { not: null }, sipAccount: { deletedAt: null }, space: { suspendedAt: null } });

/**
 * An INVITE for a held number came from an address the holder's account does not list. When
 * it comes from a claiming account's PBX and the holder may be displaced, the number changes
 * hands: the holder's binding is released as an unbind is (its LiveKit objects first, or
 * nothing), the claim goes live and verified, and the holder is told. True when it did.
 */
export async function proveClaimByInvite(e164: string, sourceAddress: string): Promise<boolean> {
  // The common case (nobody claims the number) costs one indexed read.
  const claims = await db().phoneNumber.findMany({
    where: pendingClaimWhere(e164),
    select: { id: true, spaceId: true, sipAccountId: true, claimedAt: true, label: true, sipAccount: { select: { allowedInboundIps: true } } },
  });
  if (claims.length === 0) return false;
  const holder = await db().phoneNumber.findUnique({ where: { liveE164: e164 }, select: { id: true, spaceId: true, sipAccountId: true, verifiedAt: true, createdAt: true } });
  if (!holder) return false;
  const claim = provenClaim(holder, claims.map((c) => ({ ...c, claimedAt: c.claimedAt! })), (c) => addressAllowed(sourceAddress, c.sipAccount.allowedInboundIps), new Date());
  if (!claim) return false;

  const now = new Date();
  let released = false;
  await changeAccountStrictly(holder.sipAccountId, async (tx) => {
    const { count } = await tx.phoneNumber.updateMany({ where: { id: holder.id, liveE164: { not: null }, verifiedAt: null }, data: { ...releasedNumberData(now), takenOverAt: now } });
    released = count === 1;
    if (released) await emitNumberBinding(tx, "phone_number.unbound", { id: holder.id, spaceId: holder.spaceId, e164, sipAccountId: holder.sipAccountId, takenOver: true });
  });
  if (!released) return false;
  try {
    await withAccountLock(claim.sipAccountId, async (tx) => {
      await tx.phoneNumber.update({ where: { id: claim.id }, data: { liveE164: e164, verifiedAt: now, verifiedBy: "claim_call" satisfies VerifiedBy } });
      // The other claims on the number are answered: it is verified now.
      await tx.phoneNumber.updateMany({ where: { ...pendingClaimWhere(e164), id: { not: claim.id } }, data: { unboundAt: now } });
      await emitNumberBinding(tx, "phone_number.bound", { id: claim.id, spaceId: claim.spaceId, e164, sipAccountId: claim.sipAccountId, label: claim.label });
    });
  } catch (err) {
    // Bound by someone else in the instant it was free: the claim stays pending.
    if (isUniqueViolation(err, "liveE164")) return false;
    throw err;
  }
  await provisionAccount(claim.sipAccountId);
  return true;
}

export type TakenOverNumber = { number: string; takenOverAt: string };

/** The Space's numbers another Space proved in the last 30 days: the notice on its Phone Numbers page. */
export async function listTakenOverNumbers(ctx: SpaceContext): Promise<TakenOverNumber[]> {
  const since = new Date(Date.now() - 30 * 86_400_000);
  const rows = await db().phoneNumber.findMany({ where: { spaceId: ctx.spaceId, takenOverAt: { gt: since } }, orderBy: { takenOverAt: "desc" }, take: 20, select: { e164: true, takenOverAt: true } });
  return rows.map((r) => ({ number: r.e164, takenOverAt: r.takenOverAt!.toISOString() }));
}
