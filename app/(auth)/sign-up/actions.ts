"use server";

import type { ActionResult } from "@/lib/actions/result";
import { fieldErrorsOf } from "@/lib/actions/space-action";
import { toActionError } from "@/lib/actions/to-action-error";
import { signUpInput } from "@/lib/spaces/schemas";
import { signUp } from "@/lib/spaces/service";

export async function signUpAction(raw: unknown): Promise<ActionResult<{ spaceId: string }>> {
  const parsed = signUpInput.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const { spaceId } = await signUp(parsed.data);
    return { ok: true, data: { spaceId } };
  } catch (err) {
    return toActionError(err);
  }
}
