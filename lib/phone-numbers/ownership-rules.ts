// Number ownership as pure rules (lib/phone-numbers/ownership.ts applies them). A binding is
// unverified until the number is proven: an inbound call for it reached LiveKit through the
// account's trunk (so it passed the account's inbound rules), or a claim's INVITE came from
// the claiming account's PBX. In production only verified numbers are outbound caller IDs,
// and an unverified binding stops blocking after CLAIMABLE_AFTER_HOURS when another Space
// proves the number.

export const CLAIMABLE_AFTER_HOURS = 72;
const CLAIMABLE_AFTER_MS = CLAIMABLE_AFTER_HOURS * 3600_000;

export type VerifiedBy = "inbound_call" | "claim_call" | "rebind" | "platform";

/** The one-line how-to shown wherever an operator meets an unverified number. */
export const HOW_TO_VERIFY = "To verify it, make one inbound call to the number through this account (from your PBX, so it passes the account's inbound rules).";

export const UNVERIFIED_CALLER_ID = `This number is unverified, so it cannot be used as caller ID. ${HOW_TO_VERIFY}`;

/** In production only a verified number may be the caller ID; locally every bound number may. */
export function callerIdRefusal(mode: "local" | "production", verifiedAt: Date | null): string | null {
  return mode === "production" && verifiedAt === null ? UNVERIFIED_CALLER_ID : null;
}

export type Holder = { verifiedAt: Date | null; createdAt: Date };

export type ClaimDecision = { kind: "claim" } | { kind: "refuse"; message: string };

export const HELD_VERIFIED = "This number is bound to another Custom SIP account (possibly in another Space) that has verified it: it cannot be claimed.";

/** The hour from which the number can be claimed, rounded up: the other Space's exact bind time is not ours to tell. */
export function heldYoungMessage(claimableAt: Date): string {
  const hour = new Date(Math.ceil(claimableAt.getTime() / 3600_000) * 3600_000).toISOString();
  const when = `${hour.slice(0, 10)} ${hour.slice(11, 16)} UTC`;
  return `This number is bound, unverified, to another Custom SIP account (possibly in another Space) since less than ${CLAIMABLE_AFTER_HOURS} hours. From ${when} it can be claimed if that binding is still unverified.`;
}

export const CLAIM_NEEDS_ADDRESSES = "This number is bound, unverified, to another account for over 72 hours and can be claimed, but a claim is proven by an INVITE from your PBX's address: add it to this account's Allowed inbound IPs first.";

export function claimPendingMessage(e164: string): string {
  return `${e164} is bound, unverified, to another account for over ${CLAIMABLE_AFTER_HOURS} hours. Your claim is recorded: call ${e164} once from your PBX (from an address in this account's Allowed inbound IPs) and the number becomes yours, verified.`;
}

/** What another Space's bind attempt gets when `holder` has the number. */
export function claimDecision(holder: Holder, claimerHasAddresses: boolean, now: Date): ClaimDecision {
  if (holder.verifiedAt) return { kind: "refuse", message: HELD_VERIFIED };
  const claimableAt = new Date(holder.createdAt.getTime() + CLAIMABLE_AFTER_MS);
  if (claimableAt.getTime() > now.getTime()) return { kind: "refuse", message: heldYoungMessage(claimableAt) };
  if (!claimerHasAddresses) return { kind: "refuse", message: CLAIM_NEEDS_ADDRESSES };
  return { kind: "claim" };
}

export type PendingClaim = { spaceId: string; claimedAt: Date };

/**
 * The claim an INVITE proves, if the holder may still be displaced: the oldest claim whose
 * account lists the INVITE's source address (`fromClaimersPbx`), never one of the holder's
 * own Space.
 */
export function provenClaim<C extends PendingClaim>(holder: Holder & { spaceId: string }, claims: readonly C[], fromClaimersPbx: (claim: C) => boolean, now: Date): C | null {
  if (claimDecision(holder, true, now).kind !== "claim") return null;
  const proven = claims.filter((c) => c.spaceId !== holder.spaceId && fromClaimersPbx(c));
  return proven.sort((a, b) => a.claimedAt.getTime() - b.claimedAt.getTime())[0] ?? null;
}

/**
 * A new binding starts verified when the same Space's latest verified binding of the number
 * (anywhere) was on the same account: nobody else proved it since.
 */
export function carriesVerification(latestVerified: { spaceId: string; sipAccountId: string } | null, binding: { spaceId: string; sipAccountId: string }): boolean {
  return latestVerified !== null && latestVerified.spaceId === binding.spaceId && latestVerified.sipAccountId === binding.sipAccountId;
}
