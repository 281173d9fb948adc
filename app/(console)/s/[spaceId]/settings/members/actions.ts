"use server";

import { spaceAction } from "@/lib/actions/space-action";
import { cancelInviteInput, inviteMemberInput } from "@/lib/spaces/schemas";
import { cancelSpaceInvite, inviteMember } from "@/lib/spaces/space-invites";

export const inviteMemberAction = spaceAction(inviteMemberInput, inviteMember);
export const cancelInviteAction = spaceAction(cancelInviteInput, cancelSpaceInvite);
