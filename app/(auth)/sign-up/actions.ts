"use server";

import { headers } from "next/headers";
import type { ActionResult } from "@/lib/actions/result";
import { fieldErrorsOf } from "@/lib/actions/space-action";
import { toActionError } from "@/lib/actions/to-action-error";
import { sourceAddress } from "@/lib/auth/auth-throttle";
import { authThrottle } from "@/lib/auth/auth-throttle-store";
import { signUpInput } from "@/lib/spaces/schemas";
import { signUp } from "@/lib/spaces/service";

export async function signUpAction(raw: unknown): Promise<ActionResult<{ spaceId: string }>> {
  const parsed = signUpInput.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    // Every valid attempt counts, taken email or not: the limit also bounds probing for accounts.
    await authThrottle().signUp(sourceAddress((await headers()).get("x-forwarded-for")));
    const { spaceId } = await signUp(parsed.data);
    return { ok: true, data: { spaceId } };
  } catch (err) {
    return toActionError(err);
  }
}
