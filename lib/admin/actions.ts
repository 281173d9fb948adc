"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { toActionError } from "@/lib/actions/to-action-error";
import { requireDeploymentAdmin } from "./deployment-admin";
import { limitsFromFields, spaceLimitsFields, type SpaceLimits } from "./schemas";
import { setSpaceLimits, setSpaceSuspended } from "./spaces";
import { saveDeploymentSettings } from "./deployment-settings";
import { deploymentSettingsFields, fieldsFromSettings, settingsFromFields, type DeploymentSettingsFields } from "./settings-schemas";
import { fieldErrorsOf } from "@/lib/actions/space-action";

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

/** Admin → a Space: its monthly minutes limit (empty: none). */
export async function setSpaceLimitsAction(spaceId: string, raw: unknown): Promise<ActionResult<SpaceLimits>> {
  await requireDeploymentAdmin();
  const parsed = spaceLimitsFields.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const data = await setSpaceLimits(spaceId, limitsFromFields(parsed.data));
    revalidatePath("/admin");
    return { ok: true, data };
  } catch (err) {
    return toActionError(err);
  }
}

/** Admin → Settings: sign-up mode, public SIP values, defaults for new Spaces. */
export async function saveDeploymentSettingsAction(raw: unknown): Promise<ActionResult<DeploymentSettingsFields>> {
  await requireDeploymentAdmin();
  const parsed = deploymentSettingsFields.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const saved = await saveDeploymentSettings(settingsFromFields(parsed.data));
    revalidatePath("/", "layout");
    return { ok: true, data: fieldsFromSettings(saved) };
  } catch (err) {
    return toActionError(err);
  }
}
