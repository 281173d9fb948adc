import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  makeSipAccountSchemas,
  passwordChange,
  resolvePasswordPair,
  sipAccountDto,
  sipTransport,
  transportPortWarning,
  type PasswordChange,
  type SipAccountEditFields,
  type SipAccountFields,
} from "./schemas";

const prod = makeSipAccountSchemas({ ipMode: "production" });
const local = makeSipAccountSchemas({ ipMode: "local" });

const valid: SipAccountFields = {
  accountName: "Mango Office",
  sipServerAddress: "vpbx400312852.mangosip.ru",
  sipTransport: "auto",
  destinationCountry: "RU",
  allowedInboundIps: "81.2.69.142, 10.0.0.0/24",
  outboundUsername: "livekit-out",
  outboundPassword: "s3cret",
  inboundUsername: "",
  inboundPassword: "",
};

/** Field path → messages, the shape a server action returns and react-hook-form shows. */
function fieldErrors(result: z.ZodSafeParseResult<unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

describe("sipTransport", () => {
  it("is auto|udp|tcp|tls", () => {
    expect(sipTransport.options).toEqual(["auto", "udp", "tcp", "tls"]);
    expect(sipTransport.safeParse("wss").success).toBe(false);
  });
});

describe("sipAccountFields (create form)", () => {
  it("accepts the product example and returns canonical strings", () => {
    const r = prod.sipAccountFields.parse({ ...valid, accountName: "  Mango Office ", sipServerAddress: "VPBX400312852.mangosip.ru", destinationCountry: " ru", allowedInboundIps: "10.0.0.1/24 ,81.2.69.142,81.2.69.142" });
    expect(r).toMatchObject({ accountName: "Mango Office", sipServerAddress: "vpbx400312852.mangosip.ru", destinationCountry: "RU", allowedInboundIps: "10.0.0.0/24, 81.2.69.142" });
  });

  it("defaults the transport to auto", () => {
    const rest: Partial<SipAccountFields> = { ...valid };
    delete rest.sipTransport;
    expect(prod.sipAccountFields.parse(rest).sipTransport).toBe("auto");
  });

  it.each<[Partial<SipAccountFields>, Record<string, string[]>]>([
    [{ accountName: "   " }, { accountName: ["Enter an account name."] }],
    [{ accountName: "x".repeat(101) }, { accountName: ["Keep the account name to 100 characters or fewer."] }],
    [{ accountName: "two\nlines" }, { accountName: ["Remove line breaks and other control characters from the name."] }],
    [{ sipServerAddress: "sip:pbx.example.com" }, { sipServerAddress: [expect.stringMatching(/Remove “sip:”/)] }],
    [{ destinationCountry: "" }, { destinationCountry: ["Choose the destination country."] }],
    [{ destinationCountry: "UK" }, { destinationCountry: [expect.stringMatching(/Use GB/)] }],
    [{ allowedInboundIps: "010.0.0.1, 10.1" }, { allowedInboundIps: [expect.stringMatching(/010/), expect.stringMatching(/10\.1/)] }],
    [{ outboundPassword: "" }, { outboundPassword: ["Enter the password too, or clear the username."] }],
    [{ outboundUsername: "  " }, { outboundUsername: ["Enter the username too, or clear the password."] }],
    [{ inboundUsername: "pbx-in" }, { inboundPassword: ["Enter the password too, or clear the username."] }],
    [{ inboundPassword: "inbound-pw-12" }, { inboundUsername: ["Enter the username too, or clear the password."] }],
    [{ inboundUsername: "pbx-in", inboundPassword: "eleven-char" }, { inboundPassword: [expect.stringMatching(/^Use at least 12 characters/)] }],
    [{ outboundUsername: "user name" }, { outboundUsername: [expect.stringMatching(/without spaces/)] }],
    [{ outboundUsername: 'a"b' }, { outboundUsername: [expect.stringMatching(/quotes/)] }],
    [{ outboundPassword: "pässword" }, { outboundPassword: [expect.stringMatching(/ASCII/)] }],
    [{ outboundPassword: "x".repeat(129) }, { outboundPassword: [expect.stringMatching(/128/)] }],
    [
      { allowedInboundIps: "" },
      { allowedInboundIps: [expect.stringMatching(/at least one IP address or range, or set an inbound username and password/)] },
    ],
  ])("puts the error on the right field: %j", (patch, expected) => {
    expect(fieldErrors(prod.sipAccountFields.safeParse({ ...valid, ...patch }))).toEqual(expected);
  });

  it("accepts an empty IP list when inbound auth is set, and an empty server address", () => {
    const r = prod.createSipAccountInput.parse({ ...valid, allowedInboundIps: " ", inboundUsername: "pbx-in", inboundPassword: "inbound-pw-12", sipServerAddress: "" });
    expect(r.allowedInboundIps).toEqual([]);
    expect(r.sipServerAddress).toBeNull();
  });

  it("shows pair errors alongside other fields' errors, not only after they are fixed", () => {
    const errors = fieldErrors(prod.sipAccountFields.safeParse({ ...valid, accountName: "", allowedInboundIps: "010.0.0.1", outboundPassword: "" }));
    expect(Object.keys(errors).sort()).toEqual(["accountName", "allowedInboundIps", "outboundPassword"]);
  });

  it("applies the IP rules of the injected mode", () => {
    const loopback = { ...valid, allowedInboundIps: "127.0.0.1", sipServerAddress: "localhost:5070" };
    expect(local.sipAccountFields.safeParse(loopback).success).toBe(true);
    expect(Object.keys(fieldErrors(prod.sipAccountFields.safeParse(loopback))).sort()).toEqual(["allowedInboundIps", "sipServerAddress"]);
    expect(local.sipAccountFields.safeParse({ ...valid, allowedInboundIps: "224.0.0.1" }).success).toBe(false);
  });

  it("refuses input that is not an object, or misses fields", () => {
    expect(prod.sipAccountFields.safeParse(null).success).toBe(false);
    expect(prod.sipAccountFields.safeParse({ accountName: "x" }).success).toBe(false);
  });
});

describe("createSipAccountInput (server)", () => {
  it("turns the form's strings into stored values", () => {
    expect(prod.createSipAccountInput.parse({ ...valid, sipServerAddress: "PBX.example.com:5080", sipTransport: "udp", destinationCountry: "de", allowedInboundIps: "10.0.0.1/24\n81.2.69.142/32" })).toEqual({
      accountName: "Mango Office",
      sipServerAddress: "pbx.example.com:5080",
      sipTransport: "udp",
      destinationCountry: "DE",
      allowedInboundIps: ["10.0.0.0/24", "81.2.69.142"],
      outboundUsername: "livekit-out",
      outboundPassword: "s3cret",
      inboundUsername: null,
      inboundPassword: null,
      maxConcurrentCalls: null,
      callsPerSecond: null,
      allowedDestinationCountries: [],
      allowSpecialNumbers: false,
      passHeaders: [],
    });
  });

  it("reads the passed SIP headers: X- names, each once, anything else refused on the field", () => {
    const parse = (passHeaders: string) => prod.createSipAccountInput.safeParse({ ...valid, passHeaders });
    expect(parse("X-Customer-Id,  x-campaign X-CUSTOMER-ID").data).toMatchObject({ passHeaders: ["X-Customer-Id", "x-campaign"] });
    const bad = parse("X-Ok, Authorization");
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["passHeaders", expect.stringMatching(/^Authorization: only X- headers/)]]);
  });

  it("reads the allowed destination countries: alpha-2 codes in any case, each once; empty is the destination country only", () => {
    const policy = (allowedDestinationCountries: string) => prod.createSipAccountInput.safeParse({ ...valid, allowedDestinationCountries });
    expect(policy("de, at;DE  at").data).toMatchObject({ allowedDestinationCountries: ["DE", "AT"], allowSpecialNumbers: false });
    expect(policy(" ").data).toMatchObject({ allowedDestinationCountries: [] });
    const bad = policy("DE, XX, aut");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path)).toEqual([["allowedDestinationCountries"], ["allowedDestinationCountries"]]);
    expect(bad.error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(/XX/), "AUT is the three-letter code of Austria: enter the two-letter code AT."]);
  });

  it("reads the outbound limits: empty is no limit, whole channels, calls per second down to 0.1", () => {
    const limits = (maxConcurrentCalls: string, callsPerSecond: string) => prod.createSipAccountInput.safeParse({ ...valid, maxConcurrentCalls, callsPerSecond });
    expect(limits("30", "0.5").data).toMatchObject({ maxConcurrentCalls: 30, callsPerSecond: 0.5 });
    expect(limits(" 4 ", "").data).toMatchObject({ maxConcurrentCalls: 4, callsPerSecond: null });
    for (const [channels, cps] of [["0", ""], ["2.5", ""], ["four", ""], ["10001", ""], ["", "0"], ["", "0.05"], ["", "1001"], ["", "1e3"]]) {
      expect(limits(channels!, cps!).success, `${channels} / ${cps}`).toBe(false);
    }
  });

  it("gives the same result for raw input and for the form's already validated output", () => {
    const arbitraryForm = fc.record({
      accountName: fc.constantFrom("Mango", "  Asterisk  ", "PBX #2"),
      sipServerAddress: fc.constantFrom("", "PBX.example.com", "pbx.example.com:5080", "81.2.69.142:5060"),
      sipTransport: fc.constantFrom("auto", "udp", "tcp", "tls") as fc.Arbitrary<"auto" | "udp" | "tcp" | "tls">,
      destinationCountry: fc.constantFrom("ru", "GB", " us "),
      allowedInboundIps: fc.constantFrom("81.2.69.142", "10.0.0.1/24, 10.0.0.0/24", "81.2.69.142/32,\n8.8.8.0/24"),
      outboundUsername: fc.constantFrom("", "out"),
      outboundPassword: fc.constantFrom("", "pw"),
      inboundUsername: fc.constantFrom("", "in"),
      inboundPassword: fc.constantFrom("", "inbound-pw-12"),
    });
    fc.assert(
      fc.property(arbitraryForm, (form) => {
        const once = prod.sipAccountFields.safeParse(form);
        if (!once.success) return;
        // Idempotent: the form's output parses to itself, and the server gets the same values.
        expect(prod.sipAccountFields.parse(once.data)).toEqual(once.data);
        expect(prod.createSipAccountInput.parse(once.data)).toEqual(prod.createSipAccountInput.parse(form));
      }),
    );
  });
});

describe("passwordChange", () => {
  it("is a discriminated union of the three states", () => {
    expect(passwordChange.parse({ state: "untouched" })).toEqual({ state: "untouched" });
    expect(passwordChange.parse({ state: "cleared" })).toEqual({ state: "cleared" });
    expect(passwordChange.parse({ state: "new", value: "pw" })).toEqual({ state: "new", value: "pw" });
    expect(passwordChange.safeParse({ state: "new" }).success).toBe(false);
    expect(passwordChange.safeParse({ state: "keep" }).success).toBe(false);
  });
});

describe("resolvePasswordPair: every combination", () => {
  const untouched: PasswordChange = { state: "untouched" };
  const cleared: PasswordChange = { state: "cleared" };
  const newPw: PasswordChange = { state: "new", value: "inbound-pw-2!" };
  const newEmpty: PasswordChange = { state: "new", value: "" };
  const keep = { action: "keep" } as const;
  const remove = { action: "remove" } as const;
  const set = { action: "set", value: "inbound-pw-2!" } as const;
  const err = (field: string, message: RegExp) => ({ ok: false, fieldErrors: { [field]: [expect.stringMatching(message)] } });

  it.each([
    // username, change, stored, expected
    [null, untouched, false, { ok: true, username: null, password: remove }],
    [null, untouched, true, err("inboundUsername", /^Enter the username too, or clear the password to turn inbound authentication off\.$/)],
    ["user", untouched, false, err("inboundPassword", /^Enter the password too, or clear the username\.$/)],
    ["user", untouched, true, { ok: true, username: "user", password: keep }],
    [null, cleared, false, { ok: true, username: null, password: remove }],
    [null, cleared, true, { ok: true, username: null, password: remove }],
    ["user", cleared, false, err("inboundUsername", /^Clear the username too: removing the password turns inbound authentication off\.$/)],
    ["user", cleared, true, err("inboundUsername", /^Clear the username too/)],
    [null, newPw, false, err("inboundUsername", /^Enter the username too, or clear the password\.$/)],
    [null, newPw, true, err("inboundUsername", /^Enter the username too/)],
    ["user", newPw, false, { ok: true, username: "user", password: set }],
    ["user", newPw, true, { ok: true, username: "user", password: set }],
    [null, newEmpty, false, err("inboundPassword", /Enter the new password/)],
    [null, newEmpty, true, err("inboundPassword", /Enter the new password/)],
    ["user", newEmpty, false, err("inboundPassword", /Enter the new password/)],
    ["user", newEmpty, true, err("inboundPassword", /Enter the new password/)],
  ] as const)("username %j, %j, stored %j", (username, change, passwordCurrentlySet, expected) => {
    expect(resolvePasswordPair("inbound", { username, change }, { passwordCurrentlySet })).toEqual(expected);
  });

  it("names the outbound fields and direction for outbound", () => {
    expect(resolvePasswordPair("outbound", { username: "u", change: cleared }, { passwordCurrentlySet: true })).toEqual(
      err("outboundUsername", /turns outbound authentication off/),
    );
  });

  it("stores a new password that is literally the word keep", () => {
    expect(resolvePasswordPair("outbound", { username: "u", change: { state: "new", value: "keep" } }, { passwordCurrentlySet: true })).toEqual({
      ok: true,
      username: "u",
      password: { action: "set", value: "keep" },
    });
  });

  it("an accepted result always satisfies the pair invariant; an empty username is the same as null", () => {
    const change = fc.oneof(
      fc.constant<PasswordChange>(untouched),
      fc.constant<PasswordChange>(cleared),
      fc.string({ maxLength: 4 }).map((value): PasswordChange => ({ state: "new", value })),
    );
    fc.assert(
      fc.property(fc.constantFrom(null, "", "user"), change, fc.boolean(), fc.constantFrom("inbound", "outbound") as fc.Arbitrary<"inbound" | "outbound">, (username, c, stored, d) => {
        const r = resolvePasswordPair(d, { username, change: c }, { passwordCurrentlySet: stored });
        if (username === "") expect(r).toEqual(resolvePasswordPair(d, { username: null, change: c }, { passwordCurrentlySet: stored }));
        if (!r.ok) return;
        expect(r.username === null).toBe(r.password.action === "remove");
        if (r.password.action === "keep") expect(stored).toBe(true);
      }),
    );
  });
});

describe("sipAccountEditFields / updateSipAccountInput", () => {
  const edit: SipAccountEditFields = {
    ...valid,
    outboundPassword: { state: "untouched" },
    inboundPassword: { state: "untouched" },
  };

  it("parses an untouched edit; rules needing the stored state are left to the service", () => {
    expect(prod.updateSipAccountInput.parse({ ...edit, outboundUsername: "" })).toMatchObject({
      outboundUsername: null,
      outboundPassword: { state: "untouched" },
      allowedInboundIps: ["81.2.69.142", "10.0.0.0/24"],
    });
  });

  it.each<[Partial<SipAccountEditFields>, Record<string, string[]>]>([
    [{ outboundPassword: { state: "cleared" } }, { outboundUsername: [expect.stringMatching(/^Clear the username too: removing the password turns outbound/)] }],
    [{ inboundPassword: { state: "new", value: "inbound-pw-12" } }, { inboundUsername: ["Enter the username too, or clear the password."] }],
    [{ inboundUsername: "in", inboundPassword: { state: "new", value: "short" } }, { inboundPassword: [expect.stringMatching(/^Use at least 12 characters/)] }],
    [{ outboundUsername: "out", outboundPassword: { state: "new", value: "short" } }, {}],
    [{ outboundPassword: { state: "new", value: "" } }, { outboundPassword: [expect.stringMatching(/Enter the new password/)] }],
    [{ allowedInboundIps: "" }, { allowedInboundIps: [expect.stringMatching(/at least one IP address/)] }],
  ])("puts the error on the right field: %j", (patch, expected) => {
    expect(fieldErrors(prod.sipAccountEditFields.safeParse({ ...edit, ...patch }))).toEqual(expected);
  });

  it("accepts an empty IP list when inbound auth is kept or set", () => {
    expect(prod.updateSipAccountInput.safeParse({ ...edit, allowedInboundIps: "", inboundUsername: "in" }).success).toBe(true);
    expect(prod.updateSipAccountInput.safeParse({ ...edit, allowedInboundIps: "", inboundUsername: "in", inboundPassword: { state: "new", value: "inbound-pw-12" } }).success).toBe(true);
  });
});

describe("sipAccountDto", () => {
  it("strips anything that is not in the DTO, passwords included", () => {
    const dto = sipAccountDto.parse({
      id: "acc_1",
      accountName: "Mango",
      sipServerAddress: null,
      sipTransport: "auto",
      destinationCountry: "RU",
      allowedInboundIps: ["81.2.69.142"],
      outboundUsername: "out",
      outboundPasswordSet: true,
      outboundPassword: "s3cret",
      outboundPasswordEncrypted: "v1.k.x.y.z",
      inboundUsername: null,
      inboundPasswordSet: false,
      maxConcurrentCalls: null,
      callsPerSecond: 2,
      allowedDestinationCountries: [],
      allowSpecialNumbers: false,
      passHeaders: [],
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
    });
    expect(JSON.stringify(dto)).not.toMatch(/s3cret|v1\.k/);
    expect(dto.outboundPasswordSet).toBe(true);
  });
});

describe("transportPortWarning", () => {
  it("warns when a port is given with Auto", () => {
    expect(transportPortWarning("pbx.example.com:5080", "auto")).toBe(
      "LiveKit may ignore port 5080 when the transport is Auto. Choose UDP, TCP or TLS to make sure calls go to that port.",
    );
  });

  it.each([
    ["pbx.example.com", "auto"],
    ["", "auto"],
    ["pbx.example.com:5080", "udp"],
    ["pbx.example.com:5080", "tls"],
    ["sip:pbx.example.com:5080", "auto"], // invalid: the field error says what is wrong instead
  ] as const)("stays quiet for %j with %s", (address, transport) => {
    expect(transportPortWarning(address, transport)).toBeNull();
  });
});
