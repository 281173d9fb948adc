"use server";

import { z } from "zod";
import { spaceAction } from "@/lib/actions/space-action";
import { bindOrClaimPhoneNumber } from "@/lib/phone-numbers/bind-phone-number";
import { bindPhoneNumberInput, updatePhoneNumberInput } from "@/lib/phone-numbers/schemas";
import { unbindPhoneNumber } from "@/lib/phone-numbers/unbind-phone-number";
import { updatePhoneNumber } from "@/lib/phone-numbers/update-phone-number";

const numberId = z.object({ numberId: z.string().min(1) });

export const bindPhoneNumberAction = spaceAction(bindPhoneNumberInput, bindOrClaimPhoneNumber);

// The number id travels apart from the values so field errors keep the form's field names.
export async function updatePhoneNumberAction(spaceId: string, numberIdValue: string, raw: unknown) {
  const id = z.string().min(1).parse(numberIdValue);
  return spaceAction(updatePhoneNumberInput, (ctx, input) => updatePhoneNumber(ctx, id, input))(spaceId, raw);
}

export const unbindPhoneNumberAction = spaceAction(numberId, (ctx, input) => unbindPhoneNumber(ctx, input.numberId));
