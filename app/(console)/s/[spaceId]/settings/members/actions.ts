"use server";

import { spaceAction } from "@/lib/actions/space-action";
import { inviteMemberInput } from "@/lib/spaces/schemas";
import { inviteMember } from "@/lib/spaces/service";

export const inviteMemberAction = spaceAction(inviteMemberInput, inviteMember);
