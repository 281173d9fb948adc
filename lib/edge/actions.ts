"use server";

import { spaceAction } from "@/lib/actions/space-action";
import { applyRefusalFix, applyRefusalFixInput } from "./apply-refusal-fix";
import { routeTestInput } from "./route-test-schema";
import { testRoute } from "./route-tester";

// The console's actions on inbound routing: the one-click fix beside a refused call, and the
// Route tester (reads only).

export const applyRefusalFixAction = spaceAction(applyRefusalFixInput, (ctx, input) => applyRefusalFix(ctx, input.refusedCallId));
export const testRouteAction = spaceAction(routeTestInput, testRoute);
