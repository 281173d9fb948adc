import { describe, expect, it } from "vitest";
import { allowedCountries, destinationCountryOf, destinationRefusal, type DestinationPolicy } from "./destination";

const us: DestinationPolicy = { destinationCountry: "US", allowedDestinationCountries: [], allowSpecialNumbers: false };

describe("destinationRefusal", () => {
  it("lets ordinary numbers of the account's destination country through by default", () => {
    expect(destinationRefusal("+14155550123", us)).toBeNull();
    expect(destinationRefusal("+18005550199", us)).toBeNull(); // toll-free costs the caller nothing extra
  });

  it("counts a number its plan does not know (a test range) in its calling code's main country", () => {
    expect(destinationCountryOf("+15550100400")).toBe("US");
    expect(destinationRefusal("+15550100400", us)).toBeNull();
    expect(destinationRefusal("+15550100400", { ...us, destinationCountry: "CA" })).toMatch(/United States \(US\)/);
  });

  it("refuses another country, naming it and the allowed ones", () => {
    expect(destinationRefusal("+18765551234", us)).toBe(
      "+18765551234 is a number in Jamaica (JM); this account may call United States (US) only. Add JM to the account's allowed destination countries to call it.",
    );
    expect(destinationRefusal("+4915112345678", us)).toMatch(/Germany \(DE\)/);
  });

  it("allows exactly the listed countries when a list is set (the destination country is not added)", () => {
    const policy = { ...us, allowedDestinationCountries: ["DE", "AT"] };
    expect(destinationRefusal("+4915112345678", policy)).toBeNull();
    expect(destinationRefusal("+14155550123", policy)).toMatch(/may call Germany \(DE\), Austria \(AT\) only/);
    expect(allowedCountries(policy)).toEqual(["DE", "AT"]);
    expect(allowedCountries(us)).toEqual(["US"]);
  });

  it.each([
    ["+19005551234", "US", "a premium-rate number"],
    ["+43900123456", "AT", "a premium-rate number"],
    ["+448712345678", "GB", "a premium-rate number"],
  ])("refuses %s (%s) as %s, even in an allowed country", (to, country, what) => {
    const policy = { ...us, destinationCountry: country };
    expect(destinationRefusal(to, policy)).toBe(`${to} is ${what}; this account does not call premium-rate or other special numbers.`);
  });

  it("lets special numbers through when the account allows them", () => {
    expect(destinationRefusal("+19005551234", { ...us, allowSpecialNumbers: true })).toBeNull();
  });

  it("refuses calling codes of no country unless special numbers are allowed", () => {
    expect(destinationRefusal("+88213001234", us)).toMatch(/belongs to no country/);
    expect(destinationRefusal("+88213001234", { ...us, allowSpecialNumbers: true })).toBeNull();
  });
});
