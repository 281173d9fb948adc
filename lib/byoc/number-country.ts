import { parsePhoneNumberWithError } from "libphonenumber-js/max";
import { isCountryCode, type CountryCode } from "@/lib/geo/countries";

/**
 * The country a number belongs to: the destination country (LiveKit's routing hint) of an
 * account the BYOC API makes for it. Non-geographic numbers (+800...) fall back to US.
 */
export function countryOfNumber(e164: string): CountryCode {
  try {
    const country = parsePhoneNumberWithError(e164).country;
    return country !== undefined && isCountryCode(country) ? country : "US";
  } catch {
    return "US";
  }
}
