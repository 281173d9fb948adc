import "server-only";
import { decryptSecret } from "@/lib/crypto/credentials";
import { db } from "@/lib/db/client";
import type { Prisma, SipAccount } from "@/lib/db/generated/prisma/client";
import { NotFoundError } from "@/lib/errors";
import { normalizeE164 } from "@/lib/phone-numbers/e164";
import { credentialsKeyring } from "@/lib/sip-accounts/keyring";
import type { SpaceContext } from "@/lib/spaces/context";
import { formatTerminationUri, type Termination } from "./termination-uri";
import type { ByocNumberView } from "./view";

// Queries of the BYOC API: numbers by their E.164 (the API's id for them), their views, and
// the account a carrier's terminationUri and credentials name. Every query carries spaceId.

/** A live number of the caller's Space by the number in the URL (raw or %2B-encoded); anything else is a 404. */
export async function findByocNumber(ctx: SpaceContext, raw: string): Promise<{ id: string; e164: string; sipAccountId: string }> {
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    throw new NotFoundError("Phone number not found");
  }
  const e164 = normalizeE164(text);
  if (!e164.ok) throw new NotFoundError("Phone number not found");
  const row = await db().phoneNumber.findFirst({ where: { spaceId: ctx.spaceId, liveE164: e164.value }, select: { id: true, e164: true, sipAccountId: true } });
  if (!row) throw new NotFoundError("Phone number not found");
  return row;
}

const byocInclude = {
  sipAccount: {
    select: {
      id: true,
      name: true,
      sipServerAddress: true,
      sipTransport: true,
      outboundUsername: true,
      outboundPasswordEnc: true,
      phoneNumbers: { where: { liveE164: { not: null } }, select: { e164: true }, orderBy: { e164: "asc" } },
    },
  },
} satisfies Prisma.PhoneNumberInclude;
type ByocRow = Prisma.PhoneNumberGetPayload<{ include: typeof byocInclude }>;

function toByocView(row: ByocRow): ByocNumberView {
  const account = row.sipAccount;
  return {
    phoneNumber: row.e164,
    friendlyName: row.label,
    inboundAgentId: row.inboundAgentId,
    outboundAgentId: row.outboundAgentId,
    terminationUri: formatTerminationUri(account.sipServerAddress, account.sipTransport),
    sipUsername: account.outboundUsername,
    sipPasswordSet: account.outboundPasswordEnc !== null,
    sipAccount: { id: account.id, name: account.name, phoneNumbers: account.phoneNumbers.map((n) => n.e164) },
    dispatchRuleId: row.dispatchRuleId,
    provisioning: { status: row.provisioningStatus, reason: row.provisioningError, at: row.provisionedAt?.toISOString() ?? null },
    createdAt: row.createdAt.toISOString(),
  };
}

/** The BYOC views of live numbers of the Space, in the order of `e164s`. */
export async function byocViews(ctx: SpaceContext, e164s: string[]): Promise<ByocNumberView[]> {
  const rows = await db().phoneNumber.findMany({ where: { spaceId: ctx.spaceId, liveE164: { in: e164s } }, include: byocInclude });
  const byNumber = new Map(rows.map((r) => [r.e164, toByocView(r)]));
  return e164s.flatMap((n) => byNumber.get(n) ?? []);
}

export async function getByocNumber(ctx: SpaceContext, e164: string): Promise<ByocNumberView> {
  const [view] = await byocViews(ctx, [e164]);
  if (!view) throw new NotFoundError("Phone number not found");
  return view;
}

/** The stored password of one direction, or null; only for comparing, never for an answer. */
export function storedPassword(row: SipAccount, field: "inbound" | "outbound"): string | null {
  const enc = field === "outbound" ? row.outboundPasswordEnc : row.inboundPasswordEnc;
  return enc === null ? null : decryptSecret(credentialsKeyring(), enc, { accountId: row.id, field });
}

/**
 * The Space's oldest live account whose SIP server, transport and outbound credentials are
 * exactly these (no credentials matches an account without them), or null.
 */
export async function findCarrierAccount(ctx: SpaceContext, termination: Termination, creds: { username: string | null; password: string | null }): Promise<SipAccount | null> {
  const rows = await db().sipAccount.findMany({
    where: { spaceId: ctx.spaceId, deletedAt: null, sipServerAddress: termination.sipServerAddress, sipTransport: termination.sipTransport, outboundUsername: creds.username },
    orderBy: { createdAt: "asc" },
  });
  return rows.find((row) => storedPassword(row, "outbound") === creds.password) ?? null;
}

/** How many live numbers the account has (the BYOC delete removes the account with its last). */
export function liveNumberCount(ctx: SpaceContext, accountId: string): Promise<number> {
  return db().phoneNumber.count({ where: { spaceId: ctx.spaceId, sipAccountId: accountId, liveE164: { not: null } } });
}
