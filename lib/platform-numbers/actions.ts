"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { fieldErrorsOf } from "@/lib/actions/space-action";
import { toActionError } from "@/lib/actions/to-action-error";
import { requireDeploymentAdmin } from "@/lib/admin/deployment-admin";
import { assignPlatformNumber, unassignPlatformNumber, type PlatformNumberView } from "./pool";
import { assignPlatformNumberInput } from "./schemas";

// Admin → Carrier: assign a pool number to a Space, or return it to the pool (the deployment's
// administrator only, else 404). Adding and removing pool numbers is binding and unbinding on
// a carrier account, through the Custom SIP drawer's own actions in the platform Space.

export async function assignPlatformNumberAction(numberId: string, raw: unknown): Promise<ActionResult<{ number: PlatformNumberView; provisioningFailed: boolean }>> {
  await requireDeploymentAdmin();
  const parsed = assignPlatformNumberInput.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const data = await assignPlatformNumber(numberId, parsed.data);
    revalidatePath("/admin/carrier");
    return { ok: true, data };
  } catch (err) {
    return toActionError(err);
  }
}

export async function unassignPlatformNumberAction(numberId: string): Promise<ActionResult<PlatformNumberView>> {
  await requireDeploymentAdmin();
  try {
    const data = await unassignPlatformNumber(numberId);
    revalidatePath("/admin/carrier");
    return { ok: true, data };
  } catch (err) {
    return toActionError(err);
  }
}
