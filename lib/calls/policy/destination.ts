import { parsePhoneNumberWithError, type NumberType } from "libphonenumber-js/max";
import { countryName, isCountryCode } from "@/lib/geo/countries";

// Where an account's outbound calls may go: the countries it allows (by default only its
// destination country) and ordinary numbers only (premium-rate and the other special number
// types of libphonenumber's "max" metadata are refused unless the account allows them).
// Isomorphic and pure: the calls service checks every destination with it (single calls,
// batches, REST, the console and the agent alike), and tests run it without a database.
//
// A number's country is libphonenumber's. A number its country's plan does not know (a test
// range such as +1 555...) counts as the main country of its calling code (+1: US, +7: RU):
// its country cannot be told apart, and the carrier decides whether it exists. A calling code
// of no country (+882, +883 international networks, +979 premium) is refused unless special
// numbers are allowed.

export type DestinationPolicy = {
  destinationCountry: string;
  /** Empty: destinationCountry only. */
  allowedDestinationCountries: readonly string[];
  allowSpecialNumbers: boolean;
};

/** libphonenumber number types refused by default, with the words the refusal uses. */
export const SPECIAL_NUMBER_TYPES = {
  PREMIUM_RATE: "a premium-rate number",
  SHARED_COST: "a shared-cost number",
  PERSONAL_NUMBER: "a personal (follow-me) number",
  PAGER: "a pager number",
  UAN: "a universal access number",
  VOICEMAIL: "a voicemail access number",
} as const satisfies Partial<Record<NumberType & string, string>>;

export function allowedCountries(policy: Pick<DestinationPolicy, "destinationCountry" | "allowedDestinationCountries">): string[] {
  return policy.allowedDestinationCountries.length > 0 ? [...policy.allowedDestinationCountries] : [policy.destinationCountry];
}

/** The country a number dials into, or null for a calling code of no country. */
export function destinationCountryOf(e164: string): string | null {
  const parsed = parsePhoneNumberWithError(e164);
  if (parsed.country) return parsed.country;
  // The metadata lists a calling code's main country first: the country of numbers the plan does not know.
  return parsed.getPossibleCountries()[0] ?? null;
}

const named = (code: string) => (isCountryCode(code) ? `${countryName(code)} (${code})` : code);

/**
 * Why `to` may not be dialled under `policy`, in the operator's words; null when it may.
 * `to` is E.164 syntax already (the schemas check it).
 */
export function destinationRefusal(to: string, policy: DestinationPolicy): string | null {
  let parsed;
  try {
    parsed = parsePhoneNumberWithError(to);
  } catch {
    return `${to} is not a number of any country's numbering plan.`;
  }
  if (!policy.allowSpecialNumbers) {
    const type = parsed.getType();
    if (type && type in SPECIAL_NUMBER_TYPES) {
      const what = SPECIAL_NUMBER_TYPES[type as keyof typeof SPECIAL_NUMBER_TYPES];
      return `${to} is ${what}; this account does not call premium-rate or other special numbers.`;
    }
  }
  const country = destinationCountryOf(to);
  if (country === null) {
    return policy.allowSpecialNumbers ? null : `${to} belongs to no country (an international network); this account does not call special numbers.`;
  }
  const allowed = allowedCountries(policy);
  if (!allowed.includes(country)) {
    return `${to} is a number in ${named(country)}; this account may call ${allowed.map(named).join(", ")} only. Add ${country} to the account's allowed destination countries to call it.`;
  }
  return null;
}
