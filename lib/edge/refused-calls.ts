import "server-only";
import { z } from "zod";
import { decodeCallsCursor, encodeCallsCursor } from "@/lib/calls/list-cursor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { platformCarrierLabel } from "@/lib/platform-numbers/platform-space";
import type { SpaceContext } from "@/lib/spaces/context";
import { parseCalledNumber } from "./called-number";
import { refusalAsSpaceSees } from "./refusal-as-space-sees";
import { refusalCauseText, refusalFix, type RefusalCauseName, type RefusalFix } from "./refusal-explanations";

// A Space's refused inbound calls, newest first, each with its cause in plain words and the
// fix to offer (the account page, the Calls page's "Refused" view, REST).

export const REFUSED_PAGE_MAX = 200;

export const listRefusedCallsQuery = z.strictObject({
  accountId: z.string().min(1).max(128).optional(),
  limit: z.coerce.number().int().min(1).max(REFUSED_PAGE_MAX).default(50),
  cursor: z
    .string()
    .max(512)
    .transform((text, ctx) => decodeCallsCursor(text) ?? (ctx.addIssue({ code: "custom", message: "The cursor must be a nextCursor from a previous page." }), z.NEVER))
    .optional(),
});
export type ListRefusedCallsQuery = z.output<typeof listRefusedCallsQuery>;

export type RefusedCallView = {
  id: string;
  sipAccountId: string | null;
  accountName: string | null;
  cause: RefusalCauseName;
  explanation: string;
  sipStatusCode: number;
  calledNumber: string;
  matchedNumber: string | null;
  from: string;
  sourceAddress: string;
  transport: string;
  refusedAt: string;
  fix: RefusalFix | null;
};

const include = { sipAccount: { select: { name: true, deletedAt: true, spaceId: true } } } as const;
type Row = Prisma.RefusedCallGetPayload<{ include: typeof include }>;

/** Causes fixed in the account's own settings: on a platform number those are the carrier's. */
const CARRIER_SETTINGS_CAUSES: ReadonlySet<RefusalCauseName> = new Set(["address_not_allowed", "digest_failed"]);

function toView(row: Row): RefusedCallView {
  const bindable = row.cause === "unknown_number" ? (parseCalledNumber(row.calledNumber)?.exact[0] ?? null) : null;
  const live = row.sipAccount && !row.sipAccount.deletedAt;
  const carrier = platformCarrierLabel();
  const seen = refusalAsSpaceSees(row, row.sipAccount?.spaceId ?? null, carrier);
  const facts = { ...row, sourceAddress: seen.sourceAddress };
  return {
    id: row.id,
    sipAccountId: seen.sipAccountId,
    accountName: seen.platform ? carrier : (row.sipAccount?.name ?? null),
    cause: row.cause,
    explanation: refusalCauseText(facts),
    sipStatusCode: row.sipCode,
    calledNumber: row.calledNumber,
    matchedNumber: row.matchedNumber,
    from: row.fromNumber,
    sourceAddress: seen.sourceAddress,
    transport: row.transport,
    refusedAt: row.createdAt.toISOString(),
    // A deleted account has nothing left to fix, and the carrier's settings are the administrator's.
    fix: live && !(seen.platform && CARRIER_SETTINGS_CAUSES.has(row.cause)) ? refusalFix(row, bindable) : null,
  };
}

export async function listRefusedCalls(ctx: SpaceContext, query: ListRefusedCallsQuery): Promise<{ items: RefusedCallView[]; nextCursor: string | null }> {
  const where: Prisma.RefusedCallWhereInput = { spaceId: ctx.spaceId, sipAccountId: query.accountId };
  const { cursor } = query;
  const after: Prisma.RefusedCallWhereInput | undefined = cursor && {
    createdAt: { lte: cursor.createdAt },
    OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }],
  };
  const rows = await db().refusedCall.findMany({
    where: after ? { AND: [where, after] } : where,
    include,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(toView), nextCursor: rows.length > query.limit && last ? encodeCallsCursor(last) : null };
}
