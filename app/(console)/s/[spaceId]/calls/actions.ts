"use server";

import { spaceAction } from "@/lib/actions/space-action";
import { placeCallInput } from "@/lib/calls/schemas";
import { placeCall } from "@/lib/calls/service";

export const placeCallAction = spaceAction(placeCallInput, placeCall);
