import { parsePhoneNumberWithError } from "libphonenumber-js/max";

// Phone numbers are stored and sent to LiveKit in canonical E.164 only: LiveKit matches the
// called number of an INVITE against trunk numbers, so two spellings of one number would
// make two different bindings.
//
// libphonenumber-js is used for validity, never trusted with the digits: it silently splits
// off extensions (`+14155552671 x12` parses as valid) and drops letters (`+1-800-FLOWERS`
// becomes +1800), so both are refused before parsing, and the digits it returns must be
// exactly the digits typed. The "max" metadata checks each country's number patterns;
// the default "min" metadata only checks lengths.

export const E164_PATTERN = /^\+[1-9]\d{1,14}$/;

/** `warning`: the number is possible (its length fits the country) but not known to be valid. */
export type E164Result = { ok: true; value: string; warning?: string } | { ok: false; error: string };

const EXAMPLE = "such as +14155552671";

/** True for a string already in canonical E.164 syntax (no validity check). */
export function isE164(value: string): boolean {
  return E164_PATTERN.test(value);
}

/** `tel:` of an RFC 3966 URI, as copied from a web page's link or a carrier's portal. */
const TEL_URI = /^tel:/i;

export function normalizeE164(raw: string): E164Result {
  const trimmed = raw.trim();
  const fail = (error: string): E164Result => ({ ok: false, error });
  if (trimmed === "") return fail("Enter a phone number.");

  // Extensions first: `x`, `ext` and `#` are letters or symbols too, but this message is the useful one.
  // `ext` may run straight into its digits ("ext12"), but not into other letters ("extra").
  if (/(?:[;,]\s*ext\s*=|#|\bext(?:ension)?(?![a-z])\.?|\d\s*x\s*\d|\bx\s*\d)/i.test(trimmed)) {
    return fail("Remove the extension; LiveKit routes calls by the number alone.");
  }
  // A tel: URI's number is the number; its other parameters (;isub=, ;phone-context=) name
  // something LiveKit cannot route on.
  const text = trimmed.replace(TEL_URI, "").trim();
  if (TEL_URI.test(trimmed) && text.includes(";")) return fail("Remove the “;” parameters after the number of the tel: URI.");
  if (/\p{L}/u.test(text)) return fail(`Use digits only; letters (as in 1-800-FLOWERS) are not allowed.`);
  if (!text.startsWith("+")) {
    return fail(`Start with + and the country code, ${EXAMPLE}.`);
  }
  // ASCII digits and common separators only; `\d` in a non-unicode regex is ASCII 0-9.
  if (!/^\+[\d\s().-]+$/.test(text)) {
    return fail("Use only digits, spaces, dashes, dots and parentheses after the +.");
  }
  const digits = text.replace(/\D/g, "");
  if (digits.startsWith("0")) return fail(`Country codes never start with 0; ${EXAMPLE}.`);
  if (digits.length < 2 || digits.length > 15) {
    return fail("An international number has between 2 and 15 digits including the country code.");
  }

  let parsed;
  try {
    parsed = parsePhoneNumberWithError(text);
  } catch {
    return fail(`This is not a valid international number; check the country code, ${EXAMPLE}.`);
  }
  // Numbering plans change faster than the library's metadata, and test or private ranges
  // (the product doc's own +71234567890) are not in it: a number whose length is possible is
  // accepted with a warning to check it; one that cannot exist is refused.
  if (!parsed.isPossible()) {
    return fail(`+${parsed.countryCallingCode} ${parsed.nationalNumber} is not a valid number for that country; check the digits.`);
  }
  const canonical = parsed.number;
  // Refuse any number the library rewrote (e.g. dropping a national "(0)"): what is stored
  // must be what the operator typed.
  if (canonical !== `+${digits}` || !isE164(canonical)) {
    return fail(`Enter the number exactly as dialled internationally, without a national prefix: ${canonical}.`);
  }
  if (!parsed.isValid()) return { ok: true, value: canonical, warning: unknownNumberWarning(canonical) };
  return { ok: true, value: canonical };
}

export function unknownNumberWarning(e164: string): string {
  return `${e164} is not a known number of its country's numbering plan; it was accepted because its length is possible. Check the digits.`;
}

/** The warning a stored number carries (null for a number known to be valid). */
export function numberWarning(e164: string): string | null {
  const r = normalizeE164(e164);
  return r.ok ? (r.warning ?? null) : null;
}
