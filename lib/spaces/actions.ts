"use server";

import { z } from "zod";
import { spaceAction } from "@/lib/actions/space-action";
import { outboundCapsInput } from "@/lib/calls/policy/caps";
import { setAutoRepair } from "./auto-repair";
import { setOutboundCaps } from "./outbound-caps";

export const setAutoRepairAction = spaceAction(z.object({ enabled: z.boolean() }), (ctx, input) => setAutoRepair(ctx, input.enabled));

export const setOutboundCapsAction = spaceAction(outboundCapsInput, setOutboundCaps);
