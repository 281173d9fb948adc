"use server";

import { headers } from "next/headers";
import type { ActionResult } from "@/lib/actions/result";
import { fieldErrorsOf } from "@/lib/actions/space-action";
import { toActionError } from "@/lib/actions/to-action-error";
import { currentUser } from "@/lib/auth/session";
import { deleteOwnAccount } from "./delete-own-account";
import { deleteAccountInput } from "./schemas";

/** Deletes the signed-in user (never anyone else: the id comes from the session only). */
export async function deleteAccountAction(raw: unknown): Promise<ActionResult> {
  const user = await currentUser();
  if (!user) return { ok: false, formError: "Your session has ended. Sign in again." };
  const parsed = deleteAccountInput.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await deleteOwnAccount(user.id, parsed.data, (await headers()).get("x-forwarded-for"));
    return { ok: true, data: undefined };
  } catch (err) {
    return toActionError(err);
  }
}
