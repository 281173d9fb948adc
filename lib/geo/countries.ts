// ISO 3166-1 alpha-2: the 249 officially assigned codes, with short English names for the
// "Destination country" select. A static list rather than Intl.DisplayNames, because the
// set of codes must not depend on the browser's ICU data, and names must match on the
// server and in the form. User-assigned codes (XK Kosovo, EU) and the telephony-only AC/TA
// are not ISO country codes and LiveKit would not know them.

export interface Country {
  readonly code: string;
  /** ISO 3166-1 alpha-3, searchable only: LiveKit takes the alpha-2 code. */
  readonly alpha3: string;
  readonly name: string;
  /** Other names people search for (official long forms, former names). */
  readonly aliases?: readonly string[];
}

export const COUNTRIES = [
  { code: "AD", alpha3: "AND", name: "Andorra" },
  { code: "AE", alpha3: "ARE", name: "United Arab Emirates", aliases: ["UAE", "Emirates"] },
  { code: "AF", alpha3: "AFG", name: "Afghanistan" },
  { code: "AG", alpha3: "ATG", name: "Antigua and Barbuda" },
  { code: "AI", alpha3: "AIA", name: "Anguilla" },
  { code: "AL", alpha3: "ALB", name: "Albania" },
  { code: "AM", alpha3: "ARM", name: "Armenia" },
  { code: "AO", alpha3: "AGO", name: "Angola" },
  { code: "AQ", alpha3: "ATA", name: "Antarctica" },
  { code: "AR", alpha3: "ARG", name: "Argentina" },
  { code: "AS", alpha3: "ASM", name: "American Samoa" },
  { code: "AT", alpha3: "AUT", name: "Austria" },
  { code: "AU", alpha3: "AUS", name: "Australia" },
  { code: "AW", alpha3: "ABW", name: "Aruba" },
  { code: "AX", alpha3: "ALA", name: "Åland Islands" },
  { code: "AZ", alpha3: "AZE", name: "Azerbaijan" },
  { code: "BA", alpha3: "BIH", name: "Bosnia and Herzegovina" },
  { code: "BB", alpha3: "BRB", name: "Barbados" },
  { code: "BD", alpha3: "BGD", name: "Bangladesh" },
  { code: "BE", alpha3: "BEL", name: "Belgium" },
  { code: "BF", alpha3: "BFA", name: "Burkina Faso" },
  { code: "BG", alpha3: "BGR", name: "Bulgaria" },
  { code: "BH", alpha3: "BHR", name: "Bahrain" },
  { code: "BI", alpha3: "BDI", name: "Burundi" },
  { code: "BJ", alpha3: "BEN", name: "Benin" },
  { code: "BL", alpha3: "BLM", name: "Saint Barthélemy" },
  { code: "BM", alpha3: "BMU", name: "Bermuda" },
  { code: "BN", alpha3: "BRN", name: "Brunei", aliases: ["Brunei Darussalam"] },
  { code: "BO", alpha3: "BOL", name: "Bolivia", aliases: ["Plurinational State of Bolivia"] },
  { code: "BQ", alpha3: "BES", name: "Bonaire, Sint Eustatius and Saba" },
  { code: "BR", alpha3: "BRA", name: "Brazil" },
  { code: "BS", alpha3: "BHS", name: "Bahamas" },
  { code: "BT", alpha3: "BTN", name: "Bhutan" },
  { code: "BV", alpha3: "BVT", name: "Bouvet Island" },
  { code: "BW", alpha3: "BWA", name: "Botswana" },
  { code: "BY", alpha3: "BLR", name: "Belarus" },
  { code: "BZ", alpha3: "BLZ", name: "Belize" },
  { code: "CA", alpha3: "CAN", name: "Canada" },
  { code: "CC", alpha3: "CCK", name: "Cocos (Keeling) Islands" },
  { code: "CD", alpha3: "COD", name: "Congo (Democratic Republic)", aliases: ["DR Congo", "DRC", "Congo-Kinshasa"] },
  { code: "CF", alpha3: "CAF", name: "Central African Republic" },
  { code: "CG", alpha3: "COG", name: "Congo (Republic)", aliases: ["Congo-Brazzaville"] },
  { code: "CH", alpha3: "CHE", name: "Switzerland" },
  { code: "CI", alpha3: "CIV", name: "Côte d'Ivoire", aliases: ["Ivory Coast", "Cote d'Ivoire"] },
  { code: "CK", alpha3: "COK", name: "Cook Islands" },
  { code: "CL", alpha3: "CHL", name: "Chile" },
  { code: "CM", alpha3: "CMR", name: "Cameroon" },
  { code: "CN", alpha3: "CHN", name: "China" },
  { code: "CO", alpha3: "COL", name: "Colombia" },
  { code: "CR", alpha3: "CRI", name: "Costa Rica" },
  { code: "CU", alpha3: "CUB", name: "Cuba" },
  { code: "CV", alpha3: "CPV", name: "Cabo Verde", aliases: ["Cape Verde"] },
  { code: "CW", alpha3: "CUW", name: "Curaçao" },
  { code: "CX", alpha3: "CXR", name: "Christmas Island" },
  { code: "CY", alpha3: "CYP", name: "Cyprus" },
  { code: "CZ", alpha3: "CZE", name: "Czechia", aliases: ["Czech Republic"] },
  { code: "DE", alpha3: "DEU", name: "Germany" },
  { code: "DJ", alpha3: "DJI", name: "Djibouti" },
  { code: "DK", alpha3: "DNK", name: "Denmark" },
  { code: "DM", alpha3: "DMA", name: "Dominica" },
  { code: "DO", alpha3: "DOM", name: "Dominican Republic" },
  { code: "DZ", alpha3: "DZA", name: "Algeria" },
  { code: "EC", alpha3: "ECU", name: "Ecuador" },
  { code: "EE", alpha3: "EST", name: "Estonia" },
  { code: "EG", alpha3: "EGY", name: "Egypt" },
  { code: "EH", alpha3: "ESH", name: "Western Sahara" },
  { code: "ER", alpha3: "ERI", name: "Eritrea" },
  { code: "ES", alpha3: "ESP", name: "Spain" },
  { code: "ET", alpha3: "ETH", name: "Ethiopia" },
  { code: "FI", alpha3: "FIN", name: "Finland" },
  { code: "FJ", alpha3: "FJI", name: "Fiji" },
  { code: "FK", alpha3: "FLK", name: "Falkland Islands", aliases: ["Malvinas"] },
  { code: "FM", alpha3: "FSM", name: "Micronesia", aliases: ["Federated States of Micronesia"] },
  { code: "FO", alpha3: "FRO", name: "Faroe Islands" },
  { code: "FR", alpha3: "FRA", name: "France" },
  { code: "GA", alpha3: "GAB", name: "Gabon" },
  { code: "GB", alpha3: "GBR", name: "United Kingdom", aliases: ["UK", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"] },
  { code: "GD", alpha3: "GRD", name: "Grenada" },
  { code: "GE", alpha3: "GEO", name: "Georgia" },
  { code: "GF", alpha3: "GUF", name: "French Guiana" },
  { code: "GG", alpha3: "GGY", name: "Guernsey" },
  { code: "GH", alpha3: "GHA", name: "Ghana" },
  { code: "GI", alpha3: "GIB", name: "Gibraltar" },
  { code: "GL", alpha3: "GRL", name: "Greenland" },
  { code: "GM", alpha3: "GMB", name: "Gambia" },
  { code: "GN", alpha3: "GIN", name: "Guinea" },
  { code: "GP", alpha3: "GLP", name: "Guadeloupe" },
  { code: "GQ", alpha3: "GNQ", name: "Equatorial Guinea" },
  { code: "GR", alpha3: "GRC", name: "Greece" },
  { code: "GS", alpha3: "SGS", name: "South Georgia and the South Sandwich Islands" },
  { code: "GT", alpha3: "GTM", name: "Guatemala" },
  { code: "GU", alpha3: "GUM", name: "Guam" },
  { code: "GW", alpha3: "GNB", name: "Guinea-Bissau" },
  { code: "GY", alpha3: "GUY", name: "Guyana" },
  { code: "HK", alpha3: "HKG", name: "Hong Kong", aliases: ["Hong Kong SAR"] },
  { code: "HM", alpha3: "HMD", name: "Heard Island and McDonald Islands" },
  { code: "HN", alpha3: "HND", name: "Honduras" },
  { code: "HR", alpha3: "HRV", name: "Croatia" },
  { code: "HT", alpha3: "HTI", name: "Haiti" },
  { code: "HU", alpha3: "HUN", name: "Hungary" },
  { code: "ID", alpha3: "IDN", name: "Indonesia" },
  { code: "IE", alpha3: "IRL", name: "Ireland" },
  { code: "IL", alpha3: "ISR", name: "Israel" },
  { code: "IM", alpha3: "IMN", name: "Isle of Man" },
  { code: "IN", alpha3: "IND", name: "India" },
  { code: "IO", alpha3: "IOT", name: "British Indian Ocean Territory" },
  { code: "IQ", alpha3: "IRQ", name: "Iraq" },
  { code: "IR", alpha3: "IRN", name: "Iran", aliases: ["Iran, Islamic Republic of"] },
  { code: "IS", alpha3: "ISL", name: "Iceland" },
  { code: "IT", alpha3: "ITA", name: "Italy" },
  { code: "JE", alpha3: "JEY", name: "Jersey" },
  { code: "JM", alpha3: "JAM", name: "Jamaica" },
  { code: "JO", alpha3: "JOR", name: "Jordan" },
  { code: "JP", alpha3: "JPN", name: "Japan" },
  { code: "KE", alpha3: "KEN", name: "Kenya" },
  { code: "KG", alpha3: "KGZ", name: "Kyrgyzstan" },
  { code: "KH", alpha3: "KHM", name: "Cambodia" },
  { code: "KI", alpha3: "KIR", name: "Kiribati" },
  { code: "KM", alpha3: "COM", name: "Comoros" },
  { code: "KN", alpha3: "KNA", name: "Saint Kitts and Nevis" },
  { code: "KP", alpha3: "PRK", name: "North Korea", aliases: ["Korea, Democratic People's Republic of", "DPRK"] },
  { code: "KR", alpha3: "KOR", name: "South Korea", aliases: ["Korea, Republic of", "Republic of Korea"] },
  { code: "KW", alpha3: "KWT", name: "Kuwait" },
  { code: "KY", alpha3: "CYM", name: "Cayman Islands" },
  { code: "KZ", alpha3: "KAZ", name: "Kazakhstan" },
  { code: "LA", alpha3: "LAO", name: "Laos", aliases: ["Lao People's Democratic Republic"] },
  { code: "LB", alpha3: "LBN", name: "Lebanon" },
  { code: "LC", alpha3: "LCA", name: "Saint Lucia" },
  { code: "LI", alpha3: "LIE", name: "Liechtenstein" },
  { code: "LK", alpha3: "LKA", name: "Sri Lanka" },
  { code: "LR", alpha3: "LBR", name: "Liberia" },
  { code: "LS", alpha3: "LSO", name: "Lesotho" },
  { code: "LT", alpha3: "LTU", name: "Lithuania" },
  { code: "LU", alpha3: "LUX", name: "Luxembourg" },
  { code: "LV", alpha3: "LVA", name: "Latvia" },
  { code: "LY", alpha3: "LBY", name: "Libya" },
  { code: "MA", alpha3: "MAR", name: "Morocco" },
  { code: "MC", alpha3: "MCO", name: "Monaco" },
  { code: "MD", alpha3: "MDA", name: "Moldova", aliases: ["Republic of Moldova"] },
  { code: "ME", alpha3: "MNE", name: "Montenegro" },
  { code: "MF", alpha3: "MAF", name: "Saint Martin (French part)" },
  { code: "MG", alpha3: "MDG", name: "Madagascar" },
  { code: "MH", alpha3: "MHL", name: "Marshall Islands" },
  { code: "MK", alpha3: "MKD", name: "North Macedonia", aliases: ["Macedonia"] },
  { code: "ML", alpha3: "MLI", name: "Mali" },
  { code: "MM", alpha3: "MMR", name: "Myanmar", aliases: ["Burma"] },
  { code: "MN", alpha3: "MNG", name: "Mongolia" },
  { code: "MO", alpha3: "MAC", name: "Macao", aliases: ["Macau", "Macao SAR"] },
  { code: "MP", alpha3: "MNP", name: "Northern Mariana Islands" },
  { code: "MQ", alpha3: "MTQ", name: "Martinique" },
  { code: "MR", alpha3: "MRT", name: "Mauritania" },
  { code: "MS", alpha3: "MSR", name: "Montserrat" },
  { code: "MT", alpha3: "MLT", name: "Malta" },
  { code: "MU", alpha3: "MUS", name: "Mauritius" },
  { code: "MV", alpha3: "MDV", name: "Maldives" },
  { code: "MW", alpha3: "MWI", name: "Malawi" },
  { code: "MX", alpha3: "MEX", name: "Mexico" },
  { code: "MY", alpha3: "MYS", name: "Malaysia" },
  { code: "MZ", alpha3: "MOZ", name: "Mozambique" },
  { code: "NA", alpha3: "NAM", name: "Namibia" },
  { code: "NC", alpha3: "NCL", name: "New Caledonia" },
  { code: "NE", alpha3: "NER", name: "Niger" },
  { code: "NF", alpha3: "NFK", name: "Norfolk Island" },
  { code: "NG", alpha3: "NGA", name: "Nigeria" },
  { code: "NI", alpha3: "NIC", name: "Nicaragua" },
  { code: "NL", alpha3: "NLD", name: "Netherlands", aliases: ["Holland"] },
  { code: "NO", alpha3: "NOR", name: "Norway" },
  { code: "NP", alpha3: "NPL", name: "Nepal" },
  { code: "NR", alpha3: "NRU", name: "Nauru" },
  { code: "NU", alpha3: "NIU", name: "Niue" },
  { code: "NZ", alpha3: "NZL", name: "New Zealand" },
  { code: "OM", alpha3: "OMN", name: "Oman" },
  { code: "PA", alpha3: "PAN", name: "Panama" },
  { code: "PE", alpha3: "PER", name: "Peru" },
  { code: "PF", alpha3: "PYF", name: "French Polynesia" },
  { code: "PG", alpha3: "PNG", name: "Papua New Guinea" },
  { code: "PH", alpha3: "PHL", name: "Philippines" },
  { code: "PK", alpha3: "PAK", name: "Pakistan" },
  { code: "PL", alpha3: "POL", name: "Poland" },
  { code: "PM", alpha3: "SPM", name: "Saint Pierre and Miquelon" },
  { code: "PN", alpha3: "PCN", name: "Pitcairn Islands" },
  { code: "PR", alpha3: "PRI", name: "Puerto Rico" },
  { code: "PS", alpha3: "PSE", name: "Palestine", aliases: ["State of Palestine"] },
  { code: "PT", alpha3: "PRT", name: "Portugal" },
  { code: "PW", alpha3: "PLW", name: "Palau" },
  { code: "PY", alpha3: "PRY", name: "Paraguay" },
  { code: "QA", alpha3: "QAT", name: "Qatar" },
  { code: "RE", alpha3: "REU", name: "Réunion" },
  { code: "RO", alpha3: "ROU", name: "Romania" },
  { code: "RS", alpha3: "SRB", name: "Serbia" },
  { code: "RU", alpha3: "RUS", name: "Russia", aliases: ["Russian Federation"] },
  { code: "RW", alpha3: "RWA", name: "Rwanda" },
  { code: "SA", alpha3: "SAU", name: "Saudi Arabia" },
  { code: "SB", alpha3: "SLB", name: "Solomon Islands" },
  { code: "SC", alpha3: "SYC", name: "Seychelles" },
  { code: "SD", alpha3: "SDN", name: "Sudan" },
  { code: "SE", alpha3: "SWE", name: "Sweden" },
  { code: "SG", alpha3: "SGP", name: "Singapore" },
  { code: "SH", alpha3: "SHN", name: "Saint Helena, Ascension and Tristan da Cunha" },
  { code: "SI", alpha3: "SVN", name: "Slovenia" },
  { code: "SJ", alpha3: "SJM", name: "Svalbard and Jan Mayen" },
  { code: "SK", alpha3: "SVK", name: "Slovakia" },
  { code: "SL", alpha3: "SLE", name: "Sierra Leone" },
  { code: "SM", alpha3: "SMR", name: "San Marino" },
  { code: "SN", alpha3: "SEN", name: "Senegal" },
  { code: "SO", alpha3: "SOM", name: "Somalia" },
  { code: "SR", alpha3: "SUR", name: "Suriname" },
  { code: "SS", alpha3: "SSD", name: "South Sudan" },
  { code: "ST", alpha3: "STP", name: "São Tomé and Príncipe" },
  { code: "SV", alpha3: "SLV", name: "El Salvador" },
  { code: "SX", alpha3: "SXM", name: "Sint Maarten (Dutch part)" },
  { code: "SY", alpha3: "SYR", name: "Syria", aliases: ["Syrian Arab Republic"] },
  { code: "SZ", alpha3: "SWZ", name: "Eswatini", aliases: ["Swaziland"] },
  { code: "TC", alpha3: "TCA", name: "Turks and Caicos Islands" },
  { code: "TD", alpha3: "TCD", name: "Chad" },
  { code: "TF", alpha3: "ATF", name: "French Southern Territories" },
  { code: "TG", alpha3: "TGO", name: "Togo" },
  { code: "TH", alpha3: "THA", name: "Thailand" },
  { code: "TJ", alpha3: "TJK", name: "Tajikistan" },
  { code: "TK", alpha3: "TKL", name: "Tokelau" },
  { code: "TL", alpha3: "TLS", name: "Timor-Leste", aliases: ["East Timor"] },
  { code: "TM", alpha3: "TKM", name: "Turkmenistan" },
  { code: "TN", alpha3: "TUN", name: "Tunisia" },
  { code: "TO", alpha3: "TON", name: "Tonga" },
  { code: "TR", alpha3: "TUR", name: "Türkiye", aliases: ["Turkey"] },
  { code: "TT", alpha3: "TTO", name: "Trinidad and Tobago" },
  { code: "TV", alpha3: "TUV", name: "Tuvalu" },
  { code: "TW", alpha3: "TWN", name: "Taiwan" },
  { code: "TZ", alpha3: "TZA", name: "Tanzania", aliases: ["United Republic of Tanzania"] },
  { code: "UA", alpha3: "UKR", name: "Ukraine" },
  { code: "UG", alpha3: "UGA", name: "Uganda" },
  { code: "UM", alpha3: "UMI", name: "United States Minor Outlying Islands" },
  { code: "US", alpha3: "USA", name: "United States", aliases: ["USA", "United States of America", "America"] },
  { code: "UY", alpha3: "URY", name: "Uruguay" },
  { code: "UZ", alpha3: "UZB", name: "Uzbekistan" },
  { code: "VA", alpha3: "VAT", name: "Vatican City (Holy See)", aliases: ["Holy See"] },
  { code: "VC", alpha3: "VCT", name: "Saint Vincent and the Grenadines" },
  { code: "VE", alpha3: "VEN", name: "Venezuela", aliases: ["Bolivarian Republic of Venezuela"] },
  { code: "VG", alpha3: "VGB", name: "British Virgin Islands" },
  { code: "VI", alpha3: "VIR", name: "U.S. Virgin Islands" },
  { code: "VN", alpha3: "VNM", name: "Vietnam", aliases: ["Viet Nam"] },
  { code: "VU", alpha3: "VUT", name: "Vanuatu" },
  { code: "WF", alpha3: "WLF", name: "Wallis and Futuna" },
  { code: "WS", alpha3: "WSM", name: "Samoa" },
  { code: "YE", alpha3: "YEM", name: "Yemen" },
  { code: "YT", alpha3: "MYT", name: "Mayotte" },
  { code: "ZA", alpha3: "ZAF", name: "South Africa" },
  { code: "ZM", alpha3: "ZMB", name: "Zambia" },
  { code: "ZW", alpha3: "ZWE", name: "Zimbabwe" },
] as const satisfies readonly Country[];

export type CountryCode = (typeof COUNTRIES)[number]["code"];

export const COUNTRY_CODES: readonly CountryCode[] = COUNTRIES.map((c) => c.code);

const BY_CODE: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((c) => [c.code, c]));
const BY_ALPHA3: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((c: Country) => [c.alpha3, c]));

/** Exact check of an already normalised (uppercase) code. */
export function isCountryCode(value: string): value is CountryCode {
  return BY_CODE.has(value);
}

export function countryName(code: CountryCode): string {
  return BY_CODE.get(code)?.name ?? code;
}

/** Trims and uppercases what was typed; names the mistake when it is not an assigned code. */
export function normalizeCountryCode(raw: string): { ok: true; value: CountryCode } | { ok: false; error: string } {
  const code = raw.trim().toUpperCase();
  if (code === "") return { ok: false, error: "Choose the destination country." };
  if (isCountryCode(code)) return { ok: true, value: code };
  if (code === "UK") return { ok: false, error: "Use GB for the United Kingdom (UK is not an ISO 3166 code)." };
  // A three-letter code is never cut to two letters (AUT is Austria, AT, not Australia, AU).
  const byAlpha3 = BY_ALPHA3.get(code);
  if (byAlpha3) return { ok: false, error: `${code} is the three-letter code of ${byAlpha3.name}: enter the two-letter code ${byAlpha3.code}.` };
  if (!/^[A-Z]{2}$/.test(code)) {
    return { ok: false, error: "Enter a two-letter ISO 3166 country code, such as RU or GB." };
  }
  return { ok: false, error: `“${code}” is not an assigned ISO 3166 country code.` };
}

// Case- and accent-insensitive: "cote" finds Côte d'Ivoire, "aland" finds Åland.
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’']/g, "'").trim();
}

const SEARCH_INDEX = COUNTRIES.map((c: Country) => ({
  country: c,
  names: [c.name, ...(c.aliases ?? [])].map(fold),
}));

/**
 * Countries matching the query for the searchable select: the exact code (alpha-2 or alpha-3) first, then names
 * that start with the query, then names containing it. Empty query returns all, A to Z by code.
 */
export function searchCountries(query: string): Country[] {
  const q = fold(query);
  if (q === "") return [...COUNTRIES];
  const exact: Country[] = [];
  const prefix: Country[] = [];
  const inner: Country[] = [];
  for (const { country, names } of SEARCH_INDEX) {
    if (country.code.toLowerCase() === q || country.alpha3.toLowerCase() === q) exact.push(country);
    else if (names.some((n) => n.startsWith(q) || n.includes(` ${q}`))) prefix.push(country);
    else if (names.some((n) => n.includes(q))) inner.push(country);
  }
  return [...exact, ...prefix, ...inner];
}
