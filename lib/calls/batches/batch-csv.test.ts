import { describe, expect, it } from "vitest";
import { MAX_REPORTED_ERRORS, parseBatchCsv } from "./batch-csv";

const ok = (text: string) => {
  const r = parseBatchCsv(text);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.destinations;
};
const errors = (text: string) => {
  const r = parseBatchCsv(text);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
};

describe("parseBatchCsv", () => {
  it("reads the number column and makes every other column a variable", () => {
    expect(ok("to,first_name,order_id\n+14155552671,Ada,A-1\n+1 (415) 555-2672,Grace,\n")).toEqual([
      { to: "+14155552671", variables: { first_name: "Ada", order_id: "A-1" } },
      { to: "+14155552672", variables: { first_name: "Grace", order_id: "" } },
    ]);
  });

  it.each(["phone", "Phone_Number", "NUMBER", " to "])("accepts %s as the number column", (name) => {
    expect(ok(`${name}\n+14155552671\n`)).toEqual([{ to: "+14155552671" }]);
  });

  it("skips blank lines, keeps the file's line numbers, and accepts CRLF, a BOM and semicolons", () => {
    expect(errors("\uFEFFto;name\r\n+14155552671;A\r\n\r\n   \r\n+1415;B\r\n")).toEqual([expect.stringMatching(/^Line 5: “\+1415”: /)]);
    expect(ok("to;name\r\n\r\n+14155552671;A\r\n")).toEqual([{ to: "+14155552671", variables: { name: "A" } }]);
  });

  it("counts a line break inside a quoted field as a line, as an editor does", () => {
    expect(errors('to,note\n+14155552671,"two\nlines"\n+14155552671 x12,x\n')).toEqual([
      "Line 4: “+14155552671 x12”: Remove the extension; LiveKit routes calls by the number alone.",
    ]);
  });

  it("refuses each bad line on its own line, with the number rule's words", () => {
    const text = ["to,name", "+14155552671,ok", "1-800-FLOWERS,a", "", "4155552671,b", ",c", "+14155552671,d,extra"].join("\n");
    expect(errors(text)).toEqual([
      "Line 3: “1-800-FLOWERS”: Use digits only; letters (as in 1-800-FLOWERS) are not allowed.",
      "Line 5: “4155552671”: Start with + and the country code, such as +14155552671.",
      "Line 6: the number is missing.",
      "Line 7: 3 values, but the header has 2 columns.",
    ]);
  });

  it("names the header that cannot be a variable", () => {
    expect(errors("to,first name,2fa,ok_1\n+14155552671,a,b,c")).toEqual([
      "Line 1: the column “first name” cannot be a variable name: use letters, digits and _, not starting with a digit (at most 64).",
      "Line 1: the column “2fa” cannot be a variable name: use letters, digits and _, not starting with a digit (at most 64).",
    ]);
    expect(errors("to,a,a\n+14155552671,1,2")).toEqual(["Line 1: the column “a” appears twice."]);
    expect(errors("to,,b\n+14155552671,1,2")).toEqual(["Line 1: column 2 has no name."]);
  });

  it("needs exactly one number column", () => {
    expect(errors("name,email\nA,a@b.c")).toEqual(["Line 1: no number column. Name one column to, phone, phone_number or number."]);
    expect(errors("to,phone\n+14155552671,+14155552672")).toEqual(["Line 1: more than one number column (to, phone); keep one."]);
  });

  it("refuses an empty file, a header alone, an unclosed quote and long values", () => {
    expect(errors("")).toEqual(["The file is empty. The first line names the columns, e.g. to,first_name."]);
    expect(errors("\n\n")).toHaveLength(1);
    expect(errors("to\n")).toEqual(["The file has a header but no rows."]);
    expect(errors('to,name\n+14155552671,"open\n')[0]).toMatch(/^Line 2: Quoted field unterminated/);
    expect(errors(`to,bio\n+14155552671,${"x".repeat(501)}`)).toEqual(["Line 2: the value of bio is longer than 500 characters."]);
  });

  it("takes 10,000 rows and refuses 10,001", () => {
    const rows = (n: number) => ["to,i", ...Array.from({ length: n }, (_, i) => `+1415${String(2_000_000 + i)},${i}`)].join("\n");
    expect(ok(rows(10_000))).toHaveLength(10_000);
    expect(errors(rows(10_001))).toEqual(["The file has 10,001 rows; a batch takes at most 10,000. Split it."]);
  });

  it("lists at most a hundred errors and counts the rest", () => {
    const bad = errors(["to", ...Array.from({ length: 150 }, () => "nope")].join("\n"));
    expect(bad).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(bad.at(-1)).toBe("…and 50 more lines with errors.");
  });
});
