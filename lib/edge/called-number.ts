import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

// How the SIP edge matches the called number a PBX sends (the To user) to a bound E.164
// number. PBXs rarely send E.164: many drop the "+", some dial out with "00", some pass
// the national form their own dialplan uses. The rule, in order (README, "SIP edge"):
//
//   1. "+" followed by digits: that E.164 number exactly.
//   2. "00" followed by digits: "+" and the digits ("0014155552671" -> +14155552671).
//   3. digits only: "+" and the digits ("14155552671" -> +14155552671).
//   4. digits only, if 3 matched nothing: the national form of a bound number in that
//      number's own country, with or without its trunk prefix ("4155552671" or
//      "02071234567" -> +14155552671 / +442071234567). Used only when exactly one bound
//      number has that national form; two candidates from different countries match none.
//
// Separators (spaces, dots, dashes, parentheses) are ignored; anything else is no number.

export type CalledNumber = {
  /** E.164 numbers to look up exactly (rules 1-3). */
  exact: string[];
  /** Digits to try as a national number (rule 4), or null when the number had "+". */
  national: string | null;
};

const SEPARATORS = /[\s.\-()]/g;

export function parseCalledNumber(toUser: string): CalledNumber | null {
  const cleaned = toUser.replace(/^tel:/i, "").replace(SEPARATORS, "");
  if (/^\+\d{4,15}$/.test(cleaned)) return { exact: [cleaned], national: null };
  if (!/^\d{4,17}$/.test(cleaned)) return null;
  const exact = cleaned.startsWith("00") ? [`+${cleaned.slice(2)}`, `+${cleaned}`] : [`+${cleaned}`];
  return { exact: exact.filter((n) => /^\+[1-9]\d{3,14}$/.test(n)), national: cleaned };
}

/**
 * The suffix a bound number must end with to be a national-form candidate: the digits
 * without their leading trunk-prefix zeros. Null when too short to be worth a lookup.
 */
export function nationalSuffix(national: string): string | null {
  const suffix = national.replace(/^0+/, "");
  return suffix.length >= 6 ? suffix : null;
}

/** True when `national` is `e164` written the way its own country dials it nationally. */
export function isNationalFormOf(national: string, e164: string): boolean {
  const bound = parsePhoneNumberFromString(e164);
  if (!bound?.country) return false;
  const asNational = parsePhoneNumberFromString(national, bound.country as CountryCode);
  return asNational?.number === e164;
}
