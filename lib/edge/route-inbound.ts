import "server-only";
import { db } from "@/lib/db/client";
import { addressAllowed } from "@/lib/net/address-in-list";
import { proveClaimByInvite } from "@/lib/phone-numbers/ownership";
import { isNationalFormOf, nationalSuffix, parseCalledNumber } from "./called-number";
import { recordRefusal, type EdgeInvite } from "./refusals";

// The SIP edge asks this, once per new INVITE, how to route it (scripts/stack/edge/
// kamailio.cfg). Read from the database every time: a binding or allowlist change applies to
// the next INVITE, and an edge restart loses nothing. Digest stays end to end: an account
// with an inbound password is forwarded and livekit-sip challenges the PBX itself.

export type EdgeDecision = { action: "forward"; e164: string } | { action: "refuse"; sipCode: 403 | 404; reason: string };

type BoundNumber = {
  id: string;
  e164: string;
  spaceId: string;
  sipAccountId: string;
  sipAccount: { allowedInboundIps: string[] };
  space: { suspendedAt: Date | null };
};

const boundSelect = { id: true, e164: true, spaceId: true, sipAccountId: true, sipAccount: { select: { allowedInboundIps: true } }, space: { select: { suspendedAt: true } } } as const;

/** The live bound number the PBX meant, by the rule in called-number.ts, or null. */
export async function findCalledNumber(toUser: string): Promise<BoundNumber | null> {
  const called = parseCalledNumber(toUser);
  if (!called) return null;
  const exact = await db().phoneNumber.findFirst({ where: { liveE164: { in: called.exact }, sipAccount: { deletedAt: null } }, select: boundSelect });
  if (exact) return exact;
  const suffix = called.national ? nationalSuffix(called.national) : null;
  if (!called.national || !suffix) return null;
  const candidates = await db().phoneNumber.findMany({
    where: { liveE164: { endsWith: suffix }, sipAccount: { deletedAt: null } },
    select: boundSelect,
    take: 10,
  });
  const national = called.national;
  const matches = candidates.filter((n) => isNationalFormOf(national, n.e164));
  const [only, other] = matches;
  return only && !other ? only : null;
}

export async function routeInbound(invite: EdgeInvite): Promise<EdgeDecision> {
  const bound = await findCalledNumber(invite.calledNumber);
  if (!bound) {
    await recordRefusal(invite, { cause: "unknown_number", sipCode: 404 });
    return { action: "refuse", sipCode: 404, reason: "Not Found" };
  }
  // Before the allowlist: whoever calls, a suspended Space takes no call.
  if (bound.space.suspendedAt) {
    await recordRefusal(invite, { cause: "space_suspended", sipCode: 403, account: bound });
    return { action: "refuse", sipCode: 403, reason: "Space Suspended" };
  }
  // An empty list means the account relies on its inbound password (the local config check
  // refuses an account with neither), which livekit-sip checks.
  const allowlist = bound.sipAccount.allowedInboundIps;
  // Not the holder's PBX: it may be a claiming Space's, proving the number (then it is theirs).
  if (!(allowlist.length > 0 && addressAllowed(invite.sourceAddress, allowlist)) && (await proveClaimByInvite(bound.e164, invite.sourceAddress))) return { action: "forward", e164: bound.e164 };
  if (allowlist.length > 0 && !addressAllowed(invite.sourceAddress, allowlist)) {
    await recordRefusal(invite, { cause: "address_not_allowed", sipCode: 403, account: bound });
    return { action: "refuse", sipCode: 403, reason: "Forbidden" };
  }
  // Where this number's calls come from: if LiveKit accepts the call on the account's trunk,
  // the address is proven to be the account's PBX (lib/sip-accounts/host-ownership).
  await db().edgeForward.upsert({
    where: { phoneNumberId: bound.id },
    create: { phoneNumberId: bound.id, sourceAddress: invite.sourceAddress, forwardedAt: new Date() },
    update: { sourceAddress: invite.sourceAddress, forwardedAt: new Date() },
  });
  return { action: "forward", e164: bound.e164 };
}
