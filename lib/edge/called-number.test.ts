import { describe, expect, it } from "vitest";
import { isNationalFormOf, nationalSuffix, parseCalledNumber } from "./called-number";

describe("parseCalledNumber", () => {
  it("takes E.164 as it is", () => {
    expect(parseCalledNumber("+14155552671")).toEqual({ exact: ["+14155552671"], national: null });
  });
  it("adds the + a PBX dropped, and reads 00 as +", () => {
    expect(parseCalledNumber("14155552671")?.exact).toEqual(["+14155552671"]);
    expect(parseCalledNumber("0014155552671")?.exact).toContain("+14155552671");
  });
  it("ignores separators and a tel: prefix", () => {
    expect(parseCalledNumber("tel:+1 (415) 555-2671")?.exact).toEqual(["+14155552671"]);
  });
  it("keeps the digits for the national rule", () => {
    expect(parseCalledNumber("02071234567")?.national).toBe("02071234567");
  });
  it("is no number for names, short codes and junk", () => {
    for (const junk of ["alice", "", "12", "+1abc", "1234567890123456789", "*97"]) expect(parseCalledNumber(junk)).toBeNull();
  });
});

describe("national form", () => {
  it("matches a US number written without its country code", () => {
    expect(isNationalFormOf("4155552671", "+14155552671")).toBe(true);
  });
  it("matches a UK number with its trunk prefix 0", () => {
    expect(isNationalFormOf("02071234567", "+442071234567")).toBe(true);
    expect(nationalSuffix("02071234567")).toBe("2071234567");
  });
  it("does not match another number or another country's form", () => {
    expect(isNationalFormOf("4155552672", "+14155552671")).toBe(false);
    expect(isNationalFormOf("02071234567", "+12071234567")).toBe(false);
  });
  it("needs at least six significant digits to look anything up", () => {
    expect(nationalSuffix("000123")).toBeNull();
  });
});
