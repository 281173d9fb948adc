import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { E164_PATTERN, isE164, normalizeE164, numberWarning } from "./e164";

function ok(raw: string): string {
  const r = normalizeE164(raw);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be accepted, got: ${r.error}`);
  return r.value;
}
function error(raw: string): string {
  const r = normalizeE164(raw);
  if (r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused, got ${r.value}`);
  return r.error;
}

describe("normalizeE164: accepted formatting variants", () => {
  it.each([
    ["+14155552671", "+14155552671"],
    ["+1 (415) 555-2671", "+14155552671"],
    ["+1.415.555.2671", "+14155552671"],
    ["+1-415-555-2671", "+14155552671"],
    ["  +1 415 555 2671  ", "+14155552671"],
    ["+1 (415)-555--2671", "+14155552671"],
    ["+7 495 123-45-67", "+74951234567"],
    ["+44 20 7946 0958", "+442079460958"],
    ["+49 30 901820", "+4930901820"],
    ["tel:+14155552671", "+14155552671"],
    ["TEL:+1-415-555-2671", "+14155552671"],
    [" tel:+7(495)123-45-67 ", "+74951234567"],
  ])("%j → %s", (raw, canonical) => {
    expect(ok(raw)).toBe(canonical);
  });
});

describe("normalizeE164: refused", () => {
  it.each([
    ["", /Enter a phone number/],
    ["+14155552671 x12", /extension/],
    ["+14155552671x12", /extension/],
    ["+1 415 555 2671 ext. 12", /extension/],
    ["+1 415 555 2671 extension 12", /extension/],
    ["+1 415 555 2671;ext=12", /extension/],
    ["+1 415 555 2671#12", /extension/],
    ["+1-800-FLOWERS", /letters/],
    ["+1 800 CALL NOW", /letters/],
    ["4155552671", /Start with \+ and the country code/],
    ["14155552671", /Start with \+/],
    ["0014155552671", /Start with \+/],
    ["(415) 555-2671", /Start with \+/],
    ["++14155552671", /Use only digits/],
    ["+1 415 555 2671 / 2", /Use only digits/],
    ["+1_415_555_2671", /Use only digits/],
    ["+１４１５５５５２６７１", /Use only digits/],
    ["+0 123 456", /never start with 0/],
    ["+1 415 555 2671 0000 0000", /between 2 and 15 digits/],
    ["+999 1234567", /not a valid international number/],
    ["+1 415 555 267", /not a valid number for that country/],
    ["+44 (0)20 7946 0958", /without a national prefix: \+442079460958/],
    ["tel:+14155552671;ext=12", /extension/],
    ["tel:+14155552671;isub=1234", /parameters after the number of the tel: URI/],
    ["tel:4155552671", /Start with \+ and the country code/],
    ["tel:", /Start with \+/],
  ])("%j", (raw, message) => {
    expect(error(raw)).toMatch(message);
  });
});

describe("properties", () => {
  const valid = fc.constantFrom("+14155552671", "+74951234567", "+442079460958", "+4930901820", "+33142685300", "+61291234567", "+8613912345678", "+5511987654321");
  const separator = fc.constantFrom("", " ", "-", ".", "  ", " - ");

  // Insert separators between digits and optionally wrap one digit run in parentheses.
  const variant = fc.tuple(valid, fc.array(separator, { minLength: 16, maxLength: 16 }), fc.nat(), fc.boolean()).map(([e164, seps, at, parens]) => {
    const digits = e164.slice(1).split("");
    let out = "+";
    digits.forEach((d, i) => {
      out += (i > 0 ? seps[i]! : "") + d;
    });
    if (parens) {
      const runs = out.slice(1).split(/(?<=\d)(?=[ .-])|(?<=[ .-])(?=\d)/);
      const idx = at % runs.length;
      if (/^\d+$/.test(runs[idx] ?? "")) runs[idx] = `(${runs[idx]})`;
      out = `+${runs.join("")}`;
    }
    return { e164, out };
  });

  it("any formatting variant of a valid number collapses to the same E.164", () => {
    fc.assert(
      fc.property(variant, ({ e164, out }) => {
        expect(ok(out)).toBe(e164);
      }),
    );
  });

  it("canonical output re-parses to itself and matches the E.164 pattern", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 25 }), (raw) => {
        const r = normalizeE164(raw);
        if (!r.ok) return;
        expect(r.value).toMatch(E164_PATTERN);
        expect(normalizeE164(r.value)).toEqual(r);
      }),
    );
    fc.assert(
      fc.property(variant, ({ out }) => {
        const first = ok(out);
        expect(ok(first)).toBe(first);
      }),
    );
  });

  it("never accepts a number with letters or an extension marker", () => {
    fc.assert(
      fc.property(variant, fc.constantFrom(" x12", "x1", " ext 5", ";ext=9", "#3", " EXT. 7", "A", "-FLOWERS"), ({ out }, tail) => {
        expect(normalizeE164(out + tail).ok).toBe(false);
      }),
    );
  });
});

describe("more properties", () => {
  const valid = fc.constantFrom("+14155552671", "+74951234567", "+442079460958", "+4930901820", "+33142685300", "+61291234567");

  it("is idempotent: whatever it accepts, it accepts again unchanged", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+[1-9]\d{6,14}$/), (raw) => {
        const r = normalizeE164(raw);
        if (!r.ok) return;
        expect(r.value).toBe(raw);
        expect(normalizeE164(r.value)).toEqual(r);
        expect(normalizeE164(` ${r.value}\t`)).toEqual(r);
      }),
      { numRuns: 500 },
    );
  });

  it("refuses a letter anywhere after the +, Latin or not", () => {
    const letter = fc.constantFrom("a", "O", "l", "x", "Z", "о", "Ж", "ß", "é");
    fc.assert(
      fc.property(valid, fc.nat(), letter, (e164, at, ch) => {
        const i = 1 + (at % e164.length);
        expect(normalizeE164(e164.slice(0, i) + ch + e164.slice(i)).ok).toBe(false);
      }),
    );
  });

  it("refuses every way of writing an extension, with any digits, and says so", () => {
    const marker = fc.constantFrom("x", "X", " x ", " ext", " ext.", " EXT ", " extension ", ";ext=", ",ext=", "#", " # ");
    fc.assert(
      fc.property(valid, marker, fc.integer({ min: 0, max: 99_999 }), (e164, m, ext) => {
        const r = normalizeE164(`${e164}${m}${ext}`);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatch(/extension/);
      }),
    );
  });
});

describe("isE164", () => {
  it("checks syntax only", () => {
    expect(isE164("+14155552671")).toBe(true);
    expect(isE164("+71234567890")).toBe(true);
    expect(isE164("14155552671")).toBe(false);
    expect(isE164("+0123")).toBe(false);
    expect(isE164("+1234567890123456")).toBe(false);
  });
});

describe("possible but not known-valid numbers", () => {
  // The product doc's own example (+7 then 1: no Russian range) and an unassigned NANP area code.
  it.each(["+71234567890", "+19876543210", "+7 123 456-78-90"])("%j is accepted with a warning to check the digits", (raw) => {
    const r = normalizeE164(raw);
    expect(r.ok && r.warning).toMatch(/not a known number of its country's numbering plan; .* Check the digits\./);
    expect(numberWarning(r.ok ? r.value : "")).toBe(r.ok ? r.warning : null);
  });

  it("a known-valid number carries no warning", () => {
    expect(normalizeE164("+14155552671")).toEqual({ ok: true, value: "+14155552671" });
    expect(numberWarning("+14155552671")).toBeNull();
  });
});
