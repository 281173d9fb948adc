import { describe, expect, it } from "vitest";
import { bindPhoneNumberFields, bindPhoneNumberInput, listPhoneNumbersQuery, numberSearchDigits, updatePhoneNumberInput } from "./schemas";

function fieldErrors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const out: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

describe("bindPhoneNumberFields / bindPhoneNumberInput", () => {
  it("normalises the number to E.164 in the form values, and stores empty choices as null", () => {
    const fields = bindPhoneNumberFields.parse({ accountId: "acc", number: " +7 (495) 123-45-67 ", label: "  Support line " });
    expect(fields).toEqual({ accountId: "acc", number: "+74951234567", label: "Support line", inboundAgentId: "", outboundAgentId: "" });
    // Re-parsing the form's output gives the same output (the action parses again).
    expect(bindPhoneNumberFields.parse(fields)).toEqual(fields);
    expect(bindPhoneNumberInput.parse({ ...fields, label: "" })).toEqual({ accountId: "acc", number: "+74951234567", label: null, inboundAgentId: null, outboundAgentId: null });
  });

  it.each([
    ["+1 415 555 267", /not a valid number/],
    ["+1 415 555 2671 ext. 12", /extension/],
    ["+1-800-FLOWERS", /letters/],
    ["84951234567", /Start with \+/],
  ])("puts a field error on the number for %j", (number, message) => {
    const errors = fieldErrors(bindPhoneNumberFields.safeParse({ accountId: "acc", number }));
    expect(Object.keys(errors)).toEqual(["number"]);
    expect(errors.number![0]).toMatch(message);
  });

  it("asks for the account and refuses control characters and long labels", () => {
    expect(fieldErrors(bindPhoneNumberFields.safeParse({ accountId: "", number: "+14155552671" }))).toEqual({ accountId: ["Choose the Custom SIP account."] });
    expect(fieldErrors(bindPhoneNumberFields.safeParse({ accountId: "a", number: "+14155552671", label: "two\nlines" })).label).toHaveLength(1);
    expect(fieldErrors(bindPhoneNumberFields.safeParse({ accountId: "a", number: "+14155552671", label: "x".repeat(101) })).label).toHaveLength(1);
  });
});

describe("updatePhoneNumberInput", () => {
  it("turns empty selections into null", () => {
    expect(updatePhoneNumberInput.parse({ label: "", inboundAgentId: "ag-1", outboundAgentId: "" })).toEqual({ label: null, inboundAgentId: "ag-1", outboundAgentId: null });
  });
});

describe("listPhoneNumbersQuery", () => {
  it("defaults and bounds the page size, and accepts only a number as the cursor", () => {
    expect(listPhoneNumbersQuery.parse({})).toEqual({ q: "", limit: 25 });
    expect(listPhoneNumbersQuery.parse({ limit: "100", cursor: "+14155552671" })).toMatchObject({ limit: 100, cursor: "+14155552671" });
    expect(listPhoneNumbersQuery.safeParse({ limit: "101" }).success).toBe(false);
    expect(listPhoneNumbersQuery.safeParse({ cursor: "' OR 1=1" }).success).toBe(false);
    expect(listPhoneNumbersQuery.parse({ accountId: " acc1 " })).toMatchObject({ accountId: "acc1" });
    expect(listPhoneNumbersQuery.safeParse({ accountId: "" }).success).toBe(false);
  });
});

describe("numberSearchDigits", () => {
  it("reads a number-looking search as digits, anything else as a label search", () => {
    expect(numberSearchDigits("+7 (495) 123")).toBe("7495123");
    expect(numberSearchDigits("2671")).toBe("2671");
    expect(numberSearchDigits("Support 2")).toBeNull();
    expect(numberSearchDigits("+")).toBeNull();
  });
});
