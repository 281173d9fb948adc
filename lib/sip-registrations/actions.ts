"use server";

import { z } from "zod";
import { spaceAction } from "@/lib/actions/space-action";
import { deleteRegistration, saveRegistration } from "@/lib/sip-registrations/registration-service";
import { registrationInput } from "@/lib/sip-registrations/schemas";

const agentOnly = z.object({ agentId: z.string().min(1) });

// The agent id travels apart from the values so field errors keep the form's field names.
export async function saveRegistrationAction(spaceId: string, agentIdValue: string, raw: unknown) {
  const id = z.string().min(1).parse(agentIdValue);
  return spaceAction(registrationInput, (ctx, input) => saveRegistration(ctx, id, input))(spaceId, raw);
}

export const deleteRegistrationAction = spaceAction(agentOnly, (ctx, input) => deleteRegistration(ctx, input.agentId));
