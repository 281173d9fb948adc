import type { DbClient } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { PLATFORM_ACCOUNT_ID } from "@/lib/platform-numbers/platform-account";
import { numberWarning } from "./e164";
import { numberSearchDigits, type ListPhoneNumbersQuery } from "./schemas";
import type { PhoneNumberPage, PhoneNumberView } from "./view";

// The numbers list as queries, apart from the service so the benchmark can run the very same
// code with its own client (the service module is server-only). Every query is scoped to the
// Space and walks the (space_id, e164) index: live numbers in number order, keyset
// pagination on the number, so a late page costs what the first one does. Order and cursor
// are on e164, not live_e164 (equal for live rows): ordered by live_e164, PostgreSQL may
// pick the global unique index on it and filter out every other Space's numbers.

export const phoneNumberInclude = {
  sipAccount: { select: { id: true, name: true, spaceId: true } },
  inboundAgent: { select: { id: true, name: true } },
  outboundAgent: { select: { id: true, name: true } },
} satisfies Prisma.PhoneNumberInclude;

export type PhoneNumberRow = Prisma.PhoneNumberGetPayload<{ include: typeof phoneNumberInclude }>;

/**
 * A platform number (lib/platform-numbers) rides the platform carrier's account, which is not
 * the Space's: the Space sees the carrier's label, never the account (its host, credentials
 * and other numbers are the deployment's).
 */
export function isPlatformNumber(row: { spaceId: string; sipAccount: { spaceId: string } }): boolean {
  return row.spaceId !== row.sipAccount.spaceId;
}

export function toPhoneNumberView(row: PhoneNumberRow, carrierLabel = "Platform carrier"): PhoneNumberView {
  const platform = isPlatformNumber(row);
  return {
    id: row.id,
    number: row.e164,
    label: row.label,
    warning: numberWarning(row.e164),
    account: platform ? { id: PLATFORM_ACCOUNT_ID, name: carrierLabel } : { id: row.sipAccount.id, name: row.sipAccount.name },
    platform,
    inboundAgent: row.inboundAgent,
    outboundAgent: row.outboundAgent,
    dispatchRuleId: row.dispatchRuleId,
    provisioning: { status: row.provisioningStatus, reason: row.provisioningError, at: row.provisionedAt?.toISOString() ?? null },
    createdAt: row.createdAt.toISOString(),
    verified: row.verifiedAt !== null,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    verifiedBy: (row.verifiedBy as PhoneNumberView["verifiedBy"]) ?? null,
  };
}

/** Prisma's `contains` passes % and _ through to LIKE as wildcards: search for them literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function searchFilter(q: string): Prisma.PhoneNumberWhereInput {
  if (q === "") return {};
  const digits = numberSearchDigits(q);
  return digits ? { e164: { contains: digits } } : { label: { contains: escapeLike(q), mode: "insensitive" } };
}

export async function queryPhoneNumbers(client: DbClient, spaceId: string, query: ListPhoneNumbersQuery, carrierLabel?: string): Promise<PhoneNumberPage> {
  const where: Prisma.PhoneNumberWhereInput = {
    spaceId,
    liveE164: { not: null },
    ...(query.accountId ? { sipAccountId: query.accountId } : {}),
    ...searchFilter(query.q),
  };
  const page: Prisma.PhoneNumberWhereInput = query.cursor ? { AND: [where, { e164: { gt: query.cursor } }] } : where;
  const [rows, total] = await Promise.all([
    // One extra row says whether there is a next page without a second query.
    client.phoneNumber.findMany({ where: page, orderBy: { e164: "asc" }, take: query.limit + 1, include: phoneNumberInclude }),
    client.phoneNumber.count({ where }),
  ]);
  const items = rows.slice(0, query.limit).map((row) => toPhoneNumberView(row, carrierLabel));
  return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.number ?? null) : null, total };
}
