"use server";

import { z } from "zod";
import { spaceAction } from "@/lib/actions/space-action";
import { setAutoRepair } from "./auto-repair";

export const setAutoRepairAction = spaceAction(z.object({ enabled: z.boolean() }), (ctx, input) => setAutoRepair(ctx, input.enabled));
