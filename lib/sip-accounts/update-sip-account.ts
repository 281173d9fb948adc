import "server-only";
import { encryptSecret } from "@/lib/crypto/credentials";
import { db, isUniqueViolation } from "@/lib/db/client";
import { ConflictError, ValidationError, type FieldErrors } from "@/lib/errors";
import { provisionAccount } from "@/lib/provisioning/provision-account";
import type { SpaceContext } from "@/lib/spaces/context";
import { NAME_TAKEN } from "./create-sip-account";
import { credentialsKeyring } from "./keyring";
import { assertSipServerAddressDialable } from "./sip-server-check";
import { accountColumns, assertCanManage, findLiveAccount, toSipAccountView } from "./repository";
import { resolvePasswordPair, type PasswordEffect, type UpdateSipAccountInput } from "./schemas";
import type { SipAccountWriteResult } from "./view";

/**
 * Applies an edit, then re-initialises the account's trunks in place through LiveKit's update
 * APIs (same trunk ids, no moment without a trunk). Each password state maps to one
 * behaviour: untouched keeps the stored ciphertext, cleared removes it, new replaces it.
 */
export async function updateSipAccount(ctx: SpaceContext, accountId: string, input: UpdateSipAccountInput): Promise<SipAccountWriteResult> {
  assertCanManage(ctx);
  await assertSipServerAddressDialable(input.sipServerAddress);
  const row = await findLiveAccount(ctx, accountId);

  const outbound = resolvePasswordPair("outbound", { username: input.outboundUsername, change: input.outboundPassword }, { passwordCurrentlySet: row.outboundPasswordEnc !== null });
  const inbound = resolvePasswordPair("inbound", { username: input.inboundUsername, change: input.inboundPassword }, { passwordCurrentlySet: row.inboundPasswordEnc !== null });
  const fieldErrors: FieldErrors = { ...(outbound.ok ? {} : outbound.fieldErrors), ...(inbound.ok ? {} : inbound.fieldErrors) };
  if (!outbound.ok || !inbound.ok) throw new ValidationError("Check the usernames and passwords.", fieldErrors);

  const inboundAuthAfter = inbound.password.action !== "remove" && inbound.username !== null;
  if (input.allowedInboundIps.length === 0 && !inboundAuthAfter) {
    throw new ValidationError("Allowed inbound IPs or inbound authentication is required.", {
      allowedInboundIps: ["Enter at least one IP address or range, or keep inbound authentication: with neither, calls from any address would be accepted."],
    });
  }

  const keyring = credentialsKeyring();
  const apply = (effect: PasswordEffect, current: string | null, field: "inbound" | "outbound") =>
    effect.action === "keep" ? current : effect.action === "remove" ? null : encryptSecret(keyring, effect.value, { accountId, field });

  try {
    await db().sipAccount.update({
      where: { id: row.id, spaceId: ctx.spaceId },
      data: {
        ...accountColumns(input),
        outboundUsername: outbound.username,
        outboundPasswordEnc: apply(outbound.password, row.outboundPasswordEnc, "outbound"),
        inboundUsername: inbound.username,
        inboundPasswordEnc: apply(inbound.password, row.inboundPasswordEnc, "inbound"),
      },
    });
  } catch (err) {
    if (isUniqueViolation(err, ["spaceId", "liveNameKey"])) throw new ConflictError(NAME_TAKEN, { accountName: [NAME_TAKEN] });
    throw err;
  }
  const outcome = await provisionAccount(accountId);
  return { account: toSipAccountView(await findLiveAccount(ctx, accountId)), provisioningFailed: !outcome.ok };
}
