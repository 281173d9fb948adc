import { describe, expect, it } from "vitest";
import { edgeUuid, newContactUser, parseEdgeUuid } from "./contact";
import { registrationInput } from "./schemas";

const base = { domain: "sip.example.com", username: "1001", password: { state: "new", value: "secret" } };
const errorsOf = (value: unknown) => {
  const parsed = registrationInput.safeParse(value);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("registrationInput (seed 002's fields)", () => {
  it("takes the seed's example, empty strings as unset", () => {
    const parsed = registrationInput.parse({ ...base, proxy: "", port: "5061", transport: "TCP", authUsername: "", did: "+1 555 123 4567", xDestUser: "routing.user+1@example" });
    expect(parsed).toMatchObject({ proxy: undefined, port: 5061, transport: "tcp", authUsername: undefined, did: "+15551234567", xDestUser: "routing.user+1@example" });
  });

  it("requires domain and username", () => {
    expect(errorsOf({ password: base.password })).toMatchObject({ domain: expect.stringContaining("Enter the SIP domain"), username: expect.stringContaining("Enter the SIP username") });
  });

  it("refuses TLS and SUBSCRIBE instead of storing what the edge cannot do", () => {
    expect(errorsOf({ ...base, transport: "tls" }).transport).toContain("TLS is not available");
    expect(errorsOf({ ...base, subscribe: true }).subscribe).toContain("not supported");
    expect(errorsOf({ ...base, subscribe: false })).toEqual({});
  });

  it("holds X-Dest-User to the seed's characters, the domain to a host, the DID to E.164", () => {
    expect(errorsOf({ ...base, xDestUser: "a;b" }).xDestUser).toContain("X-Dest-User");
    expect(errorsOf({ ...base, domain: "sip:pbx@example.com" }).domain).toContain("host name");
    expect(errorsOf({ ...base, did: "555" }).did).toContain("E.164");
    expect(errorsOf({ ...base, port: 0 }).port).toContain("1 to 65535");
  });
});

describe("contact", () => {
  it("is random, and carries the revision", () => {
    const a = newContactUser();
    expect(a).toMatch(/^sb[a-z2-7]{26}$/);
    expect(newContactUser()).not.toBe(a);
    expect(parseEdgeUuid(edgeUuid(a, 7))).toEqual({ contactUser: a, revision: 7 });
    expect(parseEdgeUuid("sbshort r1")).toBeNull();
  });
});
