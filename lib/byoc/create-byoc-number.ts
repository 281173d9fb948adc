import "server-only";
import { db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { bindPhoneNumber, NUMBER_TAKEN } from "@/lib/phone-numbers/bind-phone-number";
import { assertAgentsOfSpace, assertCanManageNumbers } from "@/lib/phone-numbers/repository";
import { deleteSipAccount } from "@/lib/sip-accounts/delete-sip-account";
import type { SpaceContext } from "@/lib/spaces/context";
import { findOrCreateCarrierAccount } from "./carrier-account";
import { withByocFieldNames } from "./field-names";
import { getByocNumber } from "./repository";
import type { CreateByocNumberBody } from "./schemas";
import { byocIpMode } from "./server-schemas";
import { parseTerminationUri } from "./termination-uri";
import type { ByocWriteResult } from "./view";

/**
 * Connects a carrier's number: finds or makes the Space's Custom SIP account for the carrier
 * (carrier-account.ts), then binds the number to it with the console's bind, which converges
 * LiveKit (the number on both trunks, its dispatch rule). Agents and the number are checked
 * before any account is made; an account made here is removed again if the bind fails.
 */
export async function createByocNumber(ctx: SpaceContext, body: CreateByocNumberBody): Promise<ByocWriteResult> {
  assertCanManageNumbers(ctx);
  const agents = { inboundAgentId: body.inboundAgentId ?? null, outboundAgentId: body.outboundAgentId ?? null };
  await assertAgentsOfSpace(ctx, agents);
  const taken = await db().phoneNumber.findUnique({ where: { liveE164: body.phoneNumber }, select: { id: true } });
  if (taken) throw new ConflictError(NUMBER_TAKEN, { phoneNumber: [NUMBER_TAKEN] });

  const termination = parseTerminationUri(body.terminationUri, { mode: byocIpMode() });
  if (!termination.ok) throw new Error("terminationUri passed the schema but not the parser");
  const creds = { username: body.sipUsername || null, password: body.sipPassword || null };
  const { accountId, created } = await findOrCreateCarrierAccount(ctx, termination, creds, body.phoneNumber);
  try {
    const result = await withByocFieldNames(() =>
      bindPhoneNumber(ctx, { accountId, number: body.phoneNumber, label: body.friendlyName || null, ...agents }),
    );
    return { number: await getByocNumber(ctx, result.number.number), provisioningFailed: result.provisioningFailed };
  } catch (err) {
    if (created) await deleteSipAccount(ctx, accountId).catch((cleanup) => console.error(`[byoc] removing account ${accountId} after a failed bind:`, cleanup));
    throw err;
  }
}
