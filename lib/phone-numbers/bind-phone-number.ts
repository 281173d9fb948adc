import "server-only";
import { isForeignKeyViolation, isUniqueViolation } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";
import { withAccountLock } from "@/lib/provisioning/account-lock";
import { provisionAccount } from "@/lib/provisioning/provision-account";
import { emitNumberBinding } from "./number-webhook-events";
import { carriedVerification, claimOrRefuse, closeOwnClaims, isPlatformSpace, platformVerification, type NumberClaim } from "./ownership";
import type { SpaceContext } from "@/lib/spaces/context";
import { assertAgentsOfSpace, assertCanManageNumbers, getPhoneNumber } from "./repository";
import type { BindPhoneNumberInput } from "./schemas";
import type { PhoneNumberWriteResult } from "./view";

// Says nothing about where the number is bound: the other account may be in another Space.
export const NUMBER_TAKEN = "This number is already bound to another Custom SIP account (possibly in another Space). Use a different number or remove the prior binding.";
const NO_SUCH_ACCOUNT = "Choose a Custom SIP account of this Space.";
// LiveKit matches inbound calls by number across the whole deployment: a registration's DID
// (its own inbound trunk) and a bound number must never be the same.
export const NUMBER_IS_REGISTRATION_DID = "This number is the DID of an agent's SIP registration (possibly in another Space): its calls go to that agent. Use a different number, or change the registration's DID.";

/**
 * Binds a number to an account: saves it, then converges the account in LiveKit (the number
 * joins both trunks and gets its dispatch rule). One live owner per number is guaranteed by
 * the unique index on liveE164, so of concurrent binds exactly one wins and the others are a
 * ConflictError (409), in any Space. When LiveKit is down the number stays saved and is
 * marked Not provisioned; the caller reports it (`provisioningFailed`).
 */
export async function bindPhoneNumber(ctx: SpaceContext, input: BindPhoneNumberInput): Promise<PhoneNumberWriteResult> {
  assertCanManageNumbers(ctx);
  await assertAgentsOfSpace(ctx, input);
  let numberId: string;
  try {
    // Under the account's lock, so an account being deleted (which releases its numbers in
    // that same lock) never ends up with a number bound after its release.
    numberId = await withAccountLock(input.accountId, async (tx) => {
      const account = await tx.sipAccount.findFirst({ where: { id: input.accountId, spaceId: ctx.spaceId, deletedAt: null }, select: { id: true } });
      if (!account) throw new ValidationError(NO_SUCH_ACCOUNT, { accountId: [NO_SUCH_ACCOUNT] });
      if (await tx.agentSipRegistration.findFirst({ where: { did: input.number }, select: { id: true } })) {
        throw new ConflictError(NUMBER_IS_REGISTRATION_DID, { number: [NUMBER_IS_REGISTRATION_DID] });
      }
      const binding = { spaceId: ctx.spaceId, sipAccountId: account.id, e164: input.number };
      // The platform pool's numbers are the deployment's by the administrator's word: nobody
      // may claim them, and a Space they are assigned to gets them verified.
      const verification = (await isPlatformSpace(tx, ctx.spaceId)) ? platformVerification() : await carriedVerification(tx, binding);
      await closeOwnClaims(tx, binding);
      const created = await tx.phoneNumber.create({
        data: {
          ...verification,
          spaceId: ctx.spaceId,
          sipAccountId: account.id,
          e164: input.number,
          liveE164: input.number,
          label: input.label,
          inboundAgentId: input.inboundAgentId,
          outboundAgentId: input.outboundAgentId,
        },
        select: { id: true },
      });
      await emitNumberBinding(tx, "phone_number.bound", { ...input, id: created.id, spaceId: ctx.spaceId, e164: input.number, sipAccountId: account.id });
      return created.id;
    });
  } catch (err) {
    if (isUniqueViolation(err, "liveE164")) throw new ConflictError(NUMBER_TAKEN, { number: [NUMBER_TAKEN] });
    if (isForeignKeyViolation(err)) throw new ValidationError("An agent was deleted meanwhile.", { inboundAgentId: ["Choose an agent of this Space."] });
    throw err;
  }
  const outcome = await provisionAccount(input.accountId);
  const number = await getPhoneNumber(ctx, numberId);
  return { number, provisioningFailed: !outcome.ok || number.provisioning.status !== "provisioned" };
}

/**
 * Binds the number, or, when another Space has held it unverified for 72 hours, records this
 * account's claim on it (README: Number ownership). The console form and REST use this; other
 * binders (BYOC, a refusal's fix) keep the plain 409.
 */
export async function bindOrClaimPhoneNumber(ctx: SpaceContext, input: BindPhoneNumberInput): Promise<PhoneNumberWriteResult | { claim: NumberClaim }> {
  try {
    return await bindPhoneNumber(ctx, input);
  } catch (err) {
    if (!(err instanceof ConflictError) || err.message !== NUMBER_TAKEN) throw err;
    return { claim: await claimOrRefuse(ctx, input, NUMBER_TAKEN) };
  }
}
