"use server";

import { z } from "zod";
import { spaceAction } from "@/lib/actions/space-action";
import { startSelfTestInput } from "./schemas";
import { startSelfTest } from "./start-self-test";

// The console's Run self-test button (REST has POST .../self-tests for the same service).
export const startSelfTestAction = spaceAction(startSelfTestInput.extend({ accountId: z.string().min(1) }), (ctx, { accountId, ...input }) => startSelfTest(ctx, accountId, input));
