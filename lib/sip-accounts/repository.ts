import "server-only";
import { db } from "@/lib/db/client";
import type { SipAccount } from "@/lib/db/generated/prisma/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { roleAtLeast } from "@/lib/auth/roles";
import type { SpaceContext } from "@/lib/spaces/context";
import { sipAccountDto, type CreateSipAccountInput } from "./schemas";
import type { VerifyReport } from "@/lib/provisioning/verify-checks";
import type { SipAccountView } from "./view";

/** Only owners and admins change SIP accounts; members may look. */
export function assertCanManage(ctx: SpaceContext): void {
  if (!roleAtLeast(ctx.role, "ADMIN")) throw new ForbiddenError("Only owners and admins can change Custom SIP accounts.");
}

/** A live account of the caller's Space; any other id (missing, deleted, another Space's) is the same 404. */
export async function findLiveAccount(ctx: SpaceContext, accountId: string): Promise<SipAccount> {
  const row = await db().sipAccount.findFirst({ where: { id: accountId, spaceId: ctx.spaceId, deletedAt: null } });
  if (!row) throw new NotFoundError("Custom SIP account not found");
  return row;
}

export function toSipAccountView(row: SipAccount): SipAccountView {
  // Parsing through the DTO strips every column it does not name, password ciphertexts included.
  const dto = sipAccountDto.parse({
    ...row,
    accountName: row.name,
    outboundPasswordSet: row.outboundPasswordEnc !== null,
    inboundPasswordSet: row.inboundPasswordEnc !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  });
  return {
    ...dto,
    inboundTrunkId: row.inboundTrunkId,
    outboundTrunkId: row.outboundTrunkId,
    provisioning: {
      status: row.provisioningStatus,
      reason: row.provisioningError,
      at: row.provisionedAt?.toISOString() ?? null,
    },
    // Written only by verifySipAccount, from a VerifyReport.
    lastVerify: (row.lastVerifyReport as VerifyReport | null) ?? null,
  };
}

/** The columns create and edit write alike; the live name key keeps names unique per Space. */
export function accountColumns(input: Pick<CreateSipAccountInput, "accountName" | "sipServerAddress" | "sipTransport" | "destinationCountry" | "allowedInboundIps" | "maxConcurrentCalls" | "callsPerSecond" | "allowedDestinationCountries" | "allowSpecialNumbers" | "passHeaders">) {
  return {
    name: input.accountName,
    liveNameKey: input.accountName.toLowerCase(),
    sipServerAddress: input.sipServerAddress,
    sipTransport: input.sipTransport,
    destinationCountry: input.destinationCountry,
    allowedInboundIps: input.allowedInboundIps,
    maxConcurrentCalls: input.maxConcurrentCalls,
    callsPerSecond: input.callsPerSecond,
    allowedDestinationCountries: input.allowedDestinationCountries,
    allowSpecialNumbers: input.allowSpecialNumbers,
    passHeaders: input.passHeaders,
  };
}
