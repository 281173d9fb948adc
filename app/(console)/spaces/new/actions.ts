"use server";

import type { ActionResult } from "@/lib/actions/result";
import { fieldErrorsOf } from "@/lib/actions/space-action";
import { toActionError } from "@/lib/actions/to-action-error";
import { requireUser } from "@/lib/auth/session";
import { createSpaceInput } from "@/lib/spaces/schemas";
import { createSpace } from "@/lib/spaces/service";

export async function createSpaceAction(raw: unknown): Promise<ActionResult<{ spaceId: string }>> {
  const user = await requireUser();
  const parsed = createSpaceInput.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return { ok: true, data: await createSpace(user.id, parsed.data) };
  } catch (err) {
    return toActionError(err);
  }
}
