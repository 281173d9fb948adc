"use server";

import { spaceAction } from "@/lib/actions/space-action";
import { setTranscriptRetention } from "./retention";
import { retentionInput } from "./schemas";

export const setTranscriptRetentionAction = spaceAction(retentionInput, setTranscriptRetention);
