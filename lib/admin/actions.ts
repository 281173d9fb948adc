"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { toActionError } from "@/lib/actions/to-action-error";
import { requireDeploymentAdmin } from "./deployment-admin";
import { setSpaceSuspended } from "./spaces";

/** Admin → Spaces: suspend or resume a Space (the deployment's administrator only, else 404). */
export async function setSpaceSuspendedAction(spaceId: string, suspended: boolean): Promise<ActionResult<{ suspendedAt: string | null }>> {
  await requireDeploymentAdmin();
  try {
    const data = await setSpaceSuspended(spaceId, suspended);
    revalidatePath("/admin");
    return { ok: true, data };
  } catch (err) {
    return toActionError(err);
  }
}
