import { z } from "zod";
import { E164_PATTERN, normalizeE164 } from "./e164";

// Phone numbers, one schema for every side (bind form, number drawer, server actions, REST
// routes, services). Isomorphic: zod and the pure E.164 normaliser only.
//
// As for SIP accounts, `*Fields` validate a form and give back the same shape with canonical
// strings (the number in E.164), and `*Input` turn them into stored values (null for "none").

// Control characters would end up in lists, logs and exports.
const CONTROL = /[\x00-\x1f\x7f]/;

/** Any way of writing a number in; canonical E.164 out, or a field error saying what is wrong. */
export const phoneNumberText = z
  .string()
  .superRefine((v, ctx) => {
    const r = normalizeE164(v);
    if (!r.ok) ctx.addIssue({ code: "custom", message: r.error });
  })
  .overwrite((v) => {
    const r = normalizeE164(v);
    return r.ok ? r.value : v;
  });

const label = z
  .string()
  .trim()
  .max(100, "Keep the label to 100 characters or fewer.")
  .refine((v) => !CONTROL.test(v), "Remove line breaks and other control characters from the label.");

/** An agent id, or "" for none (what a select without a choice holds). */
const agentRef = z.string().max(64, "Choose an agent from the list.");

const nullIfEmpty = (v: string) => (v === "" ? null : v);

export const bindPhoneNumberFields = z.object({
  accountId: z.string().min(1, "Choose the Custom SIP account."),
  number: phoneNumberText,
  label: label.default(""),
  inboundAgentId: agentRef.default(""),
  outboundAgentId: agentRef.default(""),
});
export type BindPhoneNumberFields = z.input<typeof bindPhoneNumberFields>;

export const bindPhoneNumberInput = bindPhoneNumberFields.transform((v) => ({
  accountId: v.accountId,
  number: v.number,
  label: nullIfEmpty(v.label),
  inboundAgentId: nullIfEmpty(v.inboundAgentId),
  outboundAgentId: nullIfEmpty(v.outboundAgentId),
}));
export type BindPhoneNumberInput = z.output<typeof bindPhoneNumberInput>;

/** The number's card: label and the two agents (the number itself never changes: unbind and bind again). */
export const phoneNumberEditFields = z.object({
  label,
  inboundAgentId: agentRef,
  outboundAgentId: agentRef,
});
export type PhoneNumberEditFields = z.input<typeof phoneNumberEditFields>;

export const updatePhoneNumberInput = phoneNumberEditFields.transform((v) => ({
  label: nullIfEmpty(v.label),
  inboundAgentId: nullIfEmpty(v.inboundAgentId),
  outboundAgentId: nullIfEmpty(v.outboundAgentId),
}));
export type UpdatePhoneNumberInput = z.output<typeof updatePhoneNumberInput>;

export const PAGE_SIZE_DEFAULT = 25;
export const PAGE_SIZE_MAX = 100;

/**
 * The list: `q` searches the number's digits (when it looks like a number) or the label;
 * `cursor` is the last number of the previous page (keyset pagination in number order).
 */
export const listPhoneNumbersQuery = z.object({
  q: z.string().trim().max(100, "Keep the search to 100 characters or fewer.").default(""),
  cursor: z.string().regex(E164_PATTERN, "The cursor must be a number from a previous page.").optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
  accountId: z.string().trim().min(1).max(64).optional(),
});
export type ListPhoneNumbersQuery = z.output<typeof listPhoneNumbersQuery>;

/** Digits to search the number for, or null when `q` is a label search. */
export function numberSearchDigits(q: string): string | null {
  if (!/^[+\d\s().-]+$/.test(q)) return null;
  const digits = q.replace(/\D/g, "");
  return digits === "" ? null : digits;
}
