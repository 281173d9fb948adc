import "server-only";
import { randomUUID } from "node:crypto";
import { encryptSecret } from "@/lib/crypto/credentials";
import { db, isUniqueViolation } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { provisionAccount } from "@/lib/provisioning/provision-account";
import type { SpaceContext } from "@/lib/spaces/context";
import { credentialsKeyring } from "./keyring";
import { assertSipServerAddressDialable } from "./sip-server-check";
import { accountColumns, assertCanManage, findLiveAccount, toSipAccountView } from "./repository";
import type { CreateSipAccountInput } from "./schemas";
import type { SipAccountWriteResult } from "./view";

export const NAME_TAKEN = "Another Custom SIP account in this Space already has this name.";

/**
 * Saves the account first, then provisions LiveKit. When LiveKit is down the account stays
 * saved and marked Not provisioned (the product's recovery path is Reprovision); the caller
 * reports the failure with an error status.
 */
export async function createSipAccount(ctx: SpaceContext, input: CreateSipAccountInput): Promise<SipAccountWriteResult> {
  assertCanManage(ctx);
  await assertSipServerAddressDialable(input.sipServerAddress);
  // The id is chosen here because it is bound into the password ciphertexts.
  const id = randomUUID();
  const keyring = credentialsKeyring();
  const seal = (value: string | null, field: "inbound" | "outbound") =>
    value === null ? null : encryptSecret(keyring, value, { accountId: id, field });
  try {
    await db().sipAccount.create({
      data: {
        id,
        spaceId: ctx.spaceId,
        ...accountColumns(input),
        outboundUsername: input.outboundUsername,
        outboundPasswordEnc: seal(input.outboundPassword, "outbound"),
        inboundUsername: input.inboundUsername,
        inboundPasswordEnc: seal(input.inboundPassword, "inbound"),
      },
    });
  } catch (err) {
    if (isUniqueViolation(err, ["spaceId", "liveNameKey"])) throw new ConflictError(NAME_TAKEN, { accountName: [NAME_TAKEN] });
    throw err;
  }
  const outcome = await provisionAccount(id);
  return { account: toSipAccountView(await findLiveAccount(ctx, id)), provisioningFailed: !outcome.ok };
}
