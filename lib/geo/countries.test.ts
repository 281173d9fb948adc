import fc from "fast-check";
import { getCountries } from "libphonenumber-js";
import { describe, expect, it } from "vitest";
import { COUNTRIES, COUNTRY_CODES, countryName, isCountryCode, normalizeCountryCode, searchCountries } from "./countries";

describe("COUNTRIES", () => {
  it("holds the 249 officially assigned ISO 3166-1 alpha-2 codes, once each, sorted", () => {
    expect(COUNTRIES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    expect([...COUNTRY_CODES].sort()).toEqual([...COUNTRY_CODES]);
    for (const c of COUNTRIES) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      expect(c.name.trim()).toBe(c.name);
      expect(c.name.length).toBeGreaterThan(2);
    }
  });

  // An independent list: libphonenumber-js knows every inhabited ISO country plus three
  // telephony-only codes (Ascension AC, Tristan da Cunha TA, Kosovo XK).
  it("agrees with libphonenumber-js's region list", () => {
    const phoneRegions = new Set<string>(getCountries());
    const notIso = [...phoneRegions].filter((c) => !isCountryCode(c)).sort();
    const uninhabited = COUNTRY_CODES.filter((c) => !phoneRegions.has(c)).sort();
    expect(notIso).toEqual(["AC", "TA", "XK"]);
    expect(uninhabited).toEqual(["AQ", "BV", "GS", "HM", "PN", "TF", "UM"]);
  });

  it("has names for the product's example and a few others", () => {
    expect(countryName("RU")).toBe("Russia");
    expect(countryName("GB")).toBe("United Kingdom");
    expect(countryName("CI")).toBe("Côte d'Ivoire");
  });
});

describe("isCountryCode", () => {
  it("checks exact uppercase codes", () => {
    expect(isCountryCode("RU")).toBe(true);
    expect(isCountryCode("ru")).toBe(false);
    expect(isCountryCode("UK")).toBe(false);
    expect(isCountryCode("XK")).toBe(false);
    expect(isCountryCode("")).toBe(false);
  });
});

describe("normalizeCountryCode", () => {
  it.each([
    ["RU", "RU"],
    ["ru", "RU"],
    [" gb ", "GB"],
    ["Us", "US"],
  ])("%j → %s", (raw, code) => {
    expect(normalizeCountryCode(raw)).toEqual({ ok: true, value: code });
  });

  it.each([
    ["", /Choose the destination country/],
    ["UK", /Use GB/],
    ["uk", /Use GB/],
    ["EU", /“EU” is not an assigned/],
    ["XK", /not an assigned/],
    ["RUS", /two-letter/],
    ["R", /two-letter/],
    ["Russia", /two-letter/],
    ["R1", /two-letter/],
  ])("refuses %j", (raw, message) => {
    const r = normalizeCountryCode(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it("names the two-letter code for a three-letter one and never cuts it short", () => {
    const aut = normalizeCountryCode("AUT");
    expect(aut).toEqual({ ok: false, error: "AUT is the three-letter code of Austria: enter the two-letter code AT." });
    expect(normalizeCountryCode("aut").ok).toBe(false);
  });

  it("is idempotent and accepts every listed code in any case", () => {
    fc.assert(
      fc.property(fc.constantFrom(...COUNTRY_CODES), fc.boolean(), (code, lower) => {
        const r = normalizeCountryCode(lower ? code.toLowerCase() : code);
        expect(r).toEqual({ ok: true, value: code });
        if (r.ok) expect(normalizeCountryCode(r.value)).toEqual(r);
      }),
    );
  });
});

describe("searchCountries", () => {
  it("puts an exact code first", () => {
    expect(searchCountries("ru")[0]?.code).toBe("RU");
    expect(searchCountries("GB")[0]?.code).toBe("GB");
  });

  it("finds a country by its three-letter code, exact match first", () => {
    expect(searchCountries("AUT")[0]?.code).toBe("AT");
    expect(searchCountries("aut").map((c) => c.code)).not.toContain("AU");
    expect(searchCountries("Austria").map((c) => c.code)).toEqual(["AT"]);
    expect(new Set(COUNTRIES.map((c) => c.alpha3)).size).toBe(249);
  });

  it("finds names, aliases and words, ignoring case and accents", () => {
    expect(searchCountries("russ").map((c) => c.code)).toContain("RU");
    expect(searchCountries("uk")[0]?.code).toBe("GB");
    expect(searchCountries("russian federation").map((c) => c.code)).toEqual(["RU"]);
    expect(searchCountries("cote").map((c) => c.code)).toContain("CI");
    expect(searchCountries("aland").map((c) => c.code)).toEqual(["AX", "NZ"]); // "New Zealand" contains it
    expect(searchCountries("kingdom").map((c) => c.code)).toContain("GB");
    expect(searchCountries("turkey").map((c) => c.code)).toEqual(["TR"]);
  });

  it("lists everything for an empty query and nothing for nonsense", () => {
    expect(searchCountries("  ")).toHaveLength(249);
    expect(searchCountries("zzzz")).toEqual([]);
  });
});
