"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { fieldErrorsOf, spaceAction } from "@/lib/actions/space-action";
import { toActionError } from "@/lib/actions/to-action-error";
import { requireUser } from "@/lib/auth/session";
import { outboundCapsInput } from "@/lib/calls/policy/caps";
import { setAutoRepair } from "./auto-repair";
import { changeMemberRole, removeMember } from "./manage-members";
import { setOutboundCaps } from "./outbound-caps";
import { cancelInviteInput, changeMemberRoleInput, createSpaceInput, inviteMemberInput, removeMemberInput } from "./schemas";
import { createSpace } from "./service";
import { cancelSpaceInvite, inviteMember } from "./space-invites";

export const setAutoRepairAction = spaceAction(z.object({ enabled: z.boolean() }), (ctx, input) => setAutoRepair(ctx, input.enabled));

export const setOutboundCapsAction = spaceAction(outboundCapsInput, setOutboundCaps);

export const removeMemberAction = spaceAction(removeMemberInput, removeMember);
export const changeMemberRoleAction = spaceAction(changeMemberRoleInput, changeMemberRole);

export const inviteMemberAction = spaceAction(inviteMemberInput, inviteMember);
export const cancelInviteAction = spaceAction(cancelInviteInput, cancelSpaceInvite);

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
