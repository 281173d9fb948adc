import { z } from "zod";
import { phoneNumberText } from "@/lib/phone-numbers/schemas";

/** Starting a self-test: which of the account's numbers to call (default: the first with an inbound agent). */
export const startSelfTestInput = z.strictObject({
  number: phoneNumberText.optional().meta({ description: "One of the account's bound numbers, in E.164. Default: the first one with an inbound agent, else the first." }),
});
export type StartSelfTestInput = z.output<typeof startSelfTestInput>;
