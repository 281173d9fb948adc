"use server";

import { z } from "zod";
import { spaceAction } from "@/lib/actions/space-action";
import { outboundCapsInput } from "@/lib/calls/policy/caps";
import { setAutoRepair } from "./auto-repair";
import { changeMemberRole, removeMember } from "./manage-members";
import { setOutboundCaps } from "./outbound-caps";
import { changeMemberRoleInput, removeMemberInput } from "./schemas";

export const setAutoRepairAction = spaceAction(z.object({ enabled: z.boolean() }), (ctx, input) => setAutoRepair(ctx, input.enabled));

export const setOutboundCapsAction = spaceAction(outboundCapsInput, setOutboundCaps);

export const removeMemberAction = spaceAction(removeMemberInput, removeMember);
export const changeMemberRoleAction = spaceAction(changeMemberRoleInput, changeMemberRole);
