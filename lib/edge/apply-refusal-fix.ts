import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseIpv4AllowlistEntry } from "@/lib/net/ipv4-allowlist";
import { bindPhoneNumber } from "@/lib/phone-numbers/bind-phone-number";
import { provisionAccount } from "@/lib/provisioning/provision-account";
import { assertCanManage, findLiveAccount } from "@/lib/sip-accounts/repository";
import type { SpaceContext } from "@/lib/spaces/context";
import { parseCalledNumber } from "./called-number";
import { refusalFix } from "./refusal-explanations";

// The one-click fixes beside a refused call: "Add <address> to Allowed inbound IPs" and
// "Bind <number> to this account". Each goes through the same rules as the account form and
// the bind drawer; the others (check the inbound password, check the agent) are links.

export const applyRefusalFixInput = z.strictObject({ refusedCallId: z.string().trim().min(1).max(128) });

export async function applyRefusalFix(ctx: SpaceContext, refusedCallId: string): Promise<{ done: string }> {
  assertCanManage(ctx);
  const row = await db().refusedCall.findFirst({ where: { id: refusedCallId, spaceId: ctx.spaceId } });
  if (!row?.sipAccountId) throw new NotFoundError("Refused call not found");
  const account = await findLiveAccount(ctx, row.sipAccountId);
  const bindable = row.cause === "unknown_number" ? (parseCalledNumber(row.calledNumber)?.exact[0] ?? null) : null;
  const fix = refusalFix(row, bindable);

  if (fix?.kind === "allow_address") {
    const entry = parseIpv4AllowlistEntry(fix.address, serverEnv().DEPLOYMENT_MODE);
    if (!entry.ok) throw new ValidationError(entry.error, { allowedInboundIps: [entry.error] });
    if (!account.allowedInboundIps.includes(entry.canonical)) {
      await db().sipAccount.update({ where: { id: account.id, spaceId: ctx.spaceId }, data: { allowedInboundIps: [...account.allowedInboundIps, entry.canonical] } });
      await provisionAccount(account.id);
    }
    return { done: `${entry.canonical} is now in ${account.name}'s Allowed inbound IPs.` };
  }
  if (fix?.kind === "bind_number") {
    await bindPhoneNumber(ctx, { accountId: account.id, number: fix.number, label: null, inboundAgentId: null, outboundAgentId: null });
    return { done: `${fix.number} is now bound to ${account.name}.` };
  }
  throw new ValidationError("This refusal has no one-click fix.", {});
}
