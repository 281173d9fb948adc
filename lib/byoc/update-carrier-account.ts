import "server-only";
import { fieldErrorsOf } from "@/lib/actions/space-action";
import { ValidationError } from "@/lib/errors";
import { findLiveAccount, toSipAccountView } from "@/lib/sip-accounts/repository";
import { editFieldsFromRest } from "@/lib/sip-accounts/rest-input";
import { sipAccountSchemas } from "@/lib/sip-accounts/server-schemas";
import { updateSipAccount } from "@/lib/sip-accounts/update-sip-account";
import type { SpaceContext } from "@/lib/spaces/context";
import { toByocFieldErrors, withByocFieldNames } from "./field-names";
import { storedPassword } from "./repository";
import type { UpdateByocNumberBody } from "./schemas";
import { byocIpMode } from "./server-schemas";
import { parseTerminationUri } from "./termination-uri";

/**
 * Applies a BYOC PUT's terminationUri, sipUsername and sipPassword to the number's Custom SIP
 * account with the console's edit (trunks updated in place, same ids), so every number of the
 * account changes with it: a carrier's credentials belong to its trunk, not to one number.
 * When the account's inbound credentials are the outbound ones (as on accounts this API
 * made), both change together. Answers whether LiveKit was left behind.
 */
export async function updateCarrierAccount(ctx: SpaceContext, accountId: string, body: UpdateByocNumberBody): Promise<boolean> {
  const row = await findLiveAccount(ctx, accountId);
  const mirrored = row.inboundUsername !== null && row.inboundUsername === row.outboundUsername && storedPassword(row, "inbound") === storedPassword(row, "outbound");
  const change: Record<string, unknown> = {};
  if (body.terminationUri !== undefined) {
    const t = parseTerminationUri(body.terminationUri, { mode: byocIpMode() });
    if (!t.ok) throw new ValidationError(t.error, { terminationUri: [t.error] });
    change.sipServerAddress = t.sipServerAddress;
    change.sipTransport = t.sipTransport;
  }
  if (body.sipUsername !== undefined) {
    change.outboundUsername = body.sipUsername;
    if (mirrored) change.inboundUsername = body.sipUsername;
  }
  if (body.sipPassword !== undefined) {
    change.outboundPassword = body.sipPassword;
    if (mirrored) change.inboundPassword = body.sipPassword;
  }
  const parsed = sipAccountSchemas().updateSipAccountInput.safeParse(editFieldsFromRest(change, toSipAccountView(row)));
  if (!parsed.success) throw new ValidationError("Check terminationUri, sipUsername and sipPassword.", toByocFieldErrors(fieldErrorsOf(parsed.error)));
  const result = await withByocFieldNames(() => updateSipAccount(ctx, accountId, parsed.data));
  return result.provisioningFailed;
}
