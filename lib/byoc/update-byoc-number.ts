import "server-only";
import { fieldErrorsOf } from "@/lib/actions/space-action";
import { ValidationError } from "@/lib/errors";
import { assertAgentsOfSpace, assertCanManageNumbers, getPhoneNumber } from "@/lib/phone-numbers/repository";
import { editFieldsFromRest } from "@/lib/phone-numbers/rest-input";
import { updatePhoneNumberInput } from "@/lib/phone-numbers/schemas";
import { updatePhoneNumber } from "@/lib/phone-numbers/update-phone-number";
import type { SpaceContext } from "@/lib/spaces/context";
import { toByocFieldErrors, withByocFieldNames } from "./field-names";
import { findByocNumber, getByocNumber } from "./repository";
import type { UpdateByocNumberBody } from "./schemas";
import { updateCarrierAccount } from "./update-carrier-account";
import type { ByocWriteResult } from "./view";

/**
 * A BYOC PUT: absent fields are kept. Agents and friendlyName change the number (the console's
 * number edit: a new inbound agent updates its dispatch rule in place); terminationUri and
 * the credentials change its account, for all the account's numbers (update-carrier-account.ts).
 * Everything is checked before anything is saved.
 */
export async function updateByocNumber(ctx: SpaceContext, phoneNumber: string, body: UpdateByocNumberBody): Promise<ByocWriteResult> {
  assertCanManageNumbers(ctx);
  const { id, e164, sipAccountId } = await findByocNumber(ctx, phoneNumber);
  const current = await getPhoneNumber(ctx, id);

  const numberChange: Record<string, unknown> = {};
  if (body.friendlyName !== undefined) numberChange.label = body.friendlyName;
  if (body.inboundAgentId !== undefined) numberChange.inboundAgentId = body.inboundAgentId;
  if (body.outboundAgentId !== undefined) numberChange.outboundAgentId = body.outboundAgentId;
  const parsed = updatePhoneNumberInput.safeParse(editFieldsFromRest(numberChange, current));
  if (!parsed.success) throw new ValidationError("Some fields are not valid.", toByocFieldErrors(fieldErrorsOf(parsed.error)));
  await assertAgentsOfSpace(ctx, parsed.data);

  let provisioningFailed = false;
  if (body.terminationUri !== undefined || body.sipUsername !== undefined || body.sipPassword !== undefined) {
    provisioningFailed = await updateCarrierAccount(ctx, sipAccountId, body);
  }
  if (Object.keys(numberChange).length > 0) {
    const result = await withByocFieldNames(() => updatePhoneNumber(ctx, id, parsed.data));
    provisioningFailed ||= result.provisioningFailed;
  }
  return { number: await getByocNumber(ctx, e164), provisioningFailed };
}
