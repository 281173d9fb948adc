"use server";

import { spaceAction } from "@/lib/actions/space-action";
import { cancelCall } from "@/lib/calls/cancel-call";
import { cancelCallInput, placeCallInput } from "@/lib/calls/schemas";
import { placeCall } from "@/lib/calls/service";

export const placeCallAction = spaceAction(placeCallInput, placeCall);
export const cancelCallAction = spaceAction(cancelCallInput, (ctx, input) => cancelCall(ctx, input.callId));
