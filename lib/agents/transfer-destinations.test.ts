import { describe, expect, it } from "vitest";
import { findDestination, formatTransferDestinations, parseTransferDestinations, transferUri } from "./transfer-destinations";

describe("parseTransferDestinations", () => {
  it("reads one name: target a line, an E.164 number or a SIP URI", () => {
    expect(parseTransferDestinations("sales: +15551234567\n\n  Front desk : sip:desk@pbx.example.com:5060 ")).toEqual({
      ok: true,
      destinations: [
        { name: "sales", target: "+15551234567" },
        { name: "Front desk", target: "sip:desk@pbx.example.com:5060" },
      ],
    });
    expect(parseTransferDestinations("")).toEqual({ ok: true, destinations: [] });
  });

  it("names the line and the problem of anything else", () => {
    const r = parseTransferDestinations("sales 5551234567\nsales: 5551234567\nsupport: sip:a b@pbx\nx!: +15551234567\nSales: +15557654321\nsales2: sip:<evil>@x");
    expect(r).toEqual({
      ok: false,
      errors: [
        "Line 1: write it as name: number or SIP URI (sales: +15551234567).",
        "Line 2: 5551234567 is neither an E.164 number (+15551234567) nor a SIP URI (sip:sales@pbx.example.com).",
        "Line 3: sip:a b@pbx is neither an E.164 number (+15551234567) nor a SIP URI (sip:sales@pbx.example.com).",
        "Line 4: use a name of letters, digits, spaces, dashes or underscores, up to 40 characters.",
        expect.stringMatching(/^Line 6: sip:<evil>@x is neither/),
      ],
    });
  });

  it("refuses a name used twice and more than ten", () => {
    expect(parseTransferDestinations("sales: +15551234567\nSALES: +15557654321")).toEqual({ ok: false, errors: ["Line 2: SALES is named twice."] });
    const many = Array.from({ length: 11 }, (_, i) => `d${i}: +1555123456${i % 10}`).join("\n");
    expect(parseTransferDestinations(many)).toEqual({ ok: false, errors: ["At most 10 destinations."] });
  });
});

describe("transfer helpers", () => {
  it("formats back to the form's lines, finds a destination by name in any case, and dials numbers as tel:", () => {
    const list = [{ name: "sales", target: "+15551234567" }];
    expect(parseTransferDestinations(formatTransferDestinations(list))).toEqual({ ok: true, destinations: list });
    expect(findDestination(list, " Sales ")).toEqual(list[0]);
    expect(findDestination(list, "billing")).toBeUndefined();
    expect(transferUri("+15551234567")).toBe("tel:+15551234567");
    expect(transferUri("sip:desk@pbx.example.com")).toBe("sip:desk@pbx.example.com");
  });
});
