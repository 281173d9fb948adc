import { describe, expect, it } from "vitest";
import { headersToAttributes, parsePassHeaders } from "./pass-headers";

describe("parsePassHeaders", () => {
  it("takes X- header names separated by commas, spaces or lines, once each whatever the case", () => {
    expect(parsePassHeaders("X-Customer-Id, x-campaign\nX-CUSTOMER-ID")).toEqual({ ok: true, names: ["X-Customer-Id", "x-campaign"] });
    expect(parsePassHeaders(["X-Account"])).toEqual({ ok: true, names: ["X-Account"] });
    expect(parsePassHeaders("")).toEqual({ ok: true, names: [] });
  });

  it("refuses anything that is not an X- header, naming it", () => {
    const r = parsePassHeaders("X-Ok, Authorization, X-, X-bad_name, P-Asserted-Identity");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.split(":")[0])).toEqual(["Authorization", "X-", "X-bad_name", "P-Asserted-Identity"]);
  });

  it("passes at most ten", () => {
    const r = parsePassHeaders(Array.from({ length: 11 }, (_, i) => `X-H${i}`));
    expect(r).toEqual({ ok: false, errors: ["Pass at most 10 headers."] });
  });
});

describe("headersToAttributes", () => {
  it("maps each header onto its sb.header.* attribute in lower case", () => {
    expect(headersToAttributes(["X-Customer-Id"])).toEqual({ "X-Customer-Id": "sb.header.x-customer-id" });
  });
});
