"use server";

import { z } from "zod";
import { spaceAction } from "@/lib/actions/space-action";
import { createSipAccount } from "@/lib/sip-accounts/create-sip-account";
import { deleteSipAccount } from "@/lib/sip-accounts/delete-sip-account";
import { approveOutboundHost } from "@/lib/sip-accounts/host-ownership/approve";
import { recreateSipAccount } from "@/lib/sip-accounts/recreate-sip-account";
import { refreshAllSipAccounts } from "@/lib/sip-accounts/refresh-all";
import { previewReprovision } from "@/lib/sip-accounts/reprovision-preview";
import { reprovisionSipAccount } from "@/lib/sip-accounts/reprovision-sip-account";
import { sipAccountSchemas } from "@/lib/sip-accounts/server-schemas";
import { updateSipAccount } from "@/lib/sip-accounts/update-sip-account";
import { verifySipAccount } from "@/lib/sip-accounts/verify-sip-account";

const accountId = z.object({ accountId: z.string().min(1) });

export const createSipAccountAction = spaceAction(() => sipAccountSchemas().createSipAccountInput, createSipAccount);

// The account id travels apart from the values so field errors keep the form's field names.
export async function updateSipAccountAction(spaceId: string, accountId: string, raw: unknown) {
  const id = z.string().min(1).parse(accountId);
  return spaceAction(() => sipAccountSchemas().updateSipAccountInput, (ctx, input) => updateSipAccount(ctx, id, input))(spaceId, raw);
}

export const deleteSipAccountAction = spaceAction(accountId, (ctx, input) => deleteSipAccount(ctx, input.accountId));

export const reprovisionSipAccountAction = spaceAction(accountId, (ctx, input) => reprovisionSipAccount(ctx, input.accountId));

export const refreshAllSipAccountsAction = spaceAction(z.object({}), (ctx) => refreshAllSipAccounts(ctx));

export const verifySipAccountAction = spaceAction(accountId, (ctx, input) => verifySipAccount(ctx, input.accountId, "console"));

export const approveOutboundHostAction = spaceAction(accountId, (ctx, input) => approveOutboundHost(ctx, input.accountId));

export const previewReprovisionAction = spaceAction(accountId, (ctx, input) => previewReprovision(ctx, input.accountId));

export const recreateSipAccountAction = spaceAction(accountId, (ctx, input) => recreateSipAccount(ctx, input.accountId));
