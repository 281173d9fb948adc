import { z } from "zod";
import type { FieldErrors } from "@/lib/errors";
import { COUNTRY_CODES, normalizeCountryCode } from "@/lib/geo/countries";
import type { IpMode } from "@/lib/net/ipv4";
import { formatIpv4Allowlist, parseIpv4Allowlist } from "@/lib/net/ipv4-allowlist";
import { parseSipHostPort } from "@/lib/net/sip-host-port";
import { parsePassHeaders } from "./pass-headers";

// The Custom SIP account, one schema for every side (drawer form, server action, REST route,
// service). Isomorphic: zod and pure validators only, never crypto or server code.
//
// Two layers, so the form can send what it validated straight to the server:
// - `*Fields` validate the form and give back the same shape with canonical strings
//   (re-parsing their output gives the same output);
// - `*Input` parse on the server and turn those strings into stored values
//   (string[] of IPs, null for "not set").
// The IP rules depend on DEPLOYMENT_MODE, so the schemas come from `makeSipAccountSchemas`;
// the server passes its mode and hands the same mode to the form as a prop.

export const sipTransport = z.enum(["auto", "udp", "tcp", "tls"]);
export type SipTransport = z.infer<typeof sipTransport>;
export type SipDirection = "outbound" | "inbound";

// Control characters would end up in LiveKit trunk names and PBX configs.
const CONTROL = /[\x00-\x1f\x7f]/;
// Digest usernames go inside a quoted string in SIP headers: no spaces, quotes or backslashes.
const USERNAME = /^[\x21\x23-\x5b\x5d-\x7e]*$/;
// PBXs disagree on how to hash non-ASCII passwords, so keep to printable ASCII.
const PASSWORD = /^[\x20-\x7e]*$/;
const CREDENTIAL_MAX = 128;

const accountName = z
  .string()
  .trim()
  .min(1, "Enter an account name.")
  .max(100, "Keep the account name to 100 characters or fewer.")
  .refine((v) => !CONTROL.test(v), "Remove line breaks and other control characters from the name.");

const username = z
  .string()
  .trim()
  .max(CREDENTIAL_MAX, `Keep the username to ${CREDENTIAL_MAX} characters or fewer.`)
  .refine((v) => USERNAME.test(v), "Use letters, digits and symbols without spaces, quotes or backslashes.");

const passwordText = z
  .string()
  .max(CREDENTIAL_MAX, `Keep the password to ${CREDENTIAL_MAX} characters or fewer.`)
  .refine((v) => PASSWORD.test(v), "Use letters, digits, spaces and ASCII symbols only.");

/** The password field when editing: keep what is stored, remove it, or replace it. */
export const passwordChange = z.discriminatedUnion("state", [
  z.object({ state: z.literal("untouched") }),
  z.object({ state: z.literal("cleared") }),
  z.object({ state: z.literal("new"), value: passwordText }),
]);
export type PasswordChange = z.infer<typeof passwordChange>;

// Required: LiveKit uses it as a routing hint for outbound calls, and one always-present
// value is simpler for every reader than a nullable one. The form preselects it.
const destinationCountry = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(
    z.enum(COUNTRY_CODES, {
      error: (issue) => {
        const r = normalizeCountryCode(String(issue.input));
        return r.ok ? undefined : r.error;
      },
    }),
  );

// Where outbound calls may go (lib/calls/policy/destination.ts): a comma-separated list of
// alpha-2 codes in the form, "" meaning the destination country only.
const allowedDestinationCountriesText = z
  .string()
  .superRefine((v, ctx) => {
    for (const code of splitCountries(v)) {
      const r = normalizeCountryCode(code);
      if (!r.ok) ctx.addIssue({ code: "custom", message: r.error.includes(code.toUpperCase()) ? r.error : `${code}: ${r.error}` });
    }
  })
  .overwrite((v) => [...new Set(splitCountries(v).map((c) => { const r = normalizeCountryCode(c); return r.ok ? r.value : c; }))].join(", "));

// Caller context: the X- headers passed to the agent, "X-Customer-Id, X-Campaign" in the form.
const passHeadersText = z
  .string()
  .superRefine((v, ctx) => {
    const r = parsePassHeaders(v);
    if (!r.ok) for (const message of r.errors) ctx.addIssue({ code: "custom", message });
  })
  .overwrite((v) => {
    const r = parsePassHeaders(v);
    return r.ok ? r.names.join(", ") : v;
  });

function splitCountries(v: string): string[] {
  return v.split(/[\s,;]+/).filter(Boolean);
}

function sipServerAddress(mode: IpMode) {
  return z
    .string()
    .superRefine((v, ctx) => {
      const r = parseSipHostPort(v, { mode });
      if (!r.ok) ctx.addIssue({ code: "custom", message: r.error });
    })
    .overwrite((v) => {
      const r = parseSipHostPort(v, { mode });
      return r.ok ? (r.canonical ?? "") : v;
    });
}

// Outbound limits as the form holds them: text, "" meaning no limit.
const maxConcurrentCallsText = z
  .string()
  .trim()
  .refine((v) => v === "" || (/^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 10_000), "Enter a whole number of channels from 1 to 10000, or leave it empty for no limit.");
const callsPerSecondText = z
  .string()
  .trim()
  .refine((v) => v === "" || (/^\d{1,4}(\.\d{1,2})?$/.test(v) && Number(v) >= 0.1 && Number(v) <= 1000), "Enter calls per second from 0.1 to 1000 (e.g. 1 or 0.5), or leave it empty for no limit.");

/** "" -> null (no limit), else the number. */
const limitValue = (v: string) => (v === "" ? null : Number(v));

function allowedInboundIps(mode: IpMode) {
  return z
    .string()
    .superRefine((v, ctx) => {
      const r = parseIpv4Allowlist(v, { mode });
      if (!r.ok) for (const message of r.errors) ctx.addIssue({ code: "custom", message });
    })
    .overwrite((v) => {
      const r = parseIpv4Allowlist(v, { mode });
      return r.ok ? formatIpv4Allowlist(r.entries) : v;
    });
}

const IPS_OR_INBOUND_AUTH =
  "Enter at least one IP address or range, or set an inbound username and password: " +
  "with neither, calls from any address would be accepted.";

type Issue = { path: string; message: string };

// The inbound password is what stands between the internet and calls billed to the account:
// anyone who guesses it can call in over our public SIP address. Twelve printable characters
// are out of reach of online guessing; the outbound password is the carrier's, not ours to rule.
export const INBOUND_PASSWORD_MIN = 12;
const INBOUND_PASSWORD_TOO_SHORT = `Use at least ${INBOUND_PASSWORD_MIN} characters: anyone who guesses the inbound password can call in.`;

/**
 * Every rule about one direction's username and password. `passwordCurrentlySet` is
 * undefined when the caller does not know (the schema, in the browser): the rules that need
 * it are then skipped and the service applies them.
 */
function pairIssues(direction: SipDirection, user: string | null, change: PasswordChange, passwordCurrentlySet: boolean | undefined): Issue[] {
  const u = `${direction}Username`;
  const p = `${direction}Password`;
  const hasUser = (user ?? "") !== "";
  switch (change.state) {
    case "new":
      if (change.value === "") return [{ path: p, message: "Enter the new password, or leave the password unchanged." }];
      if (direction === "inbound" && change.value.length < INBOUND_PASSWORD_MIN) return [{ path: p, message: INBOUND_PASSWORD_TOO_SHORT }];
      return hasUser ? [] : [{ path: u, message: "Enter the username too, or clear the password." }];
    case "cleared":
      return hasUser
        ? [{ path: u, message: `Clear the username too: removing the password turns ${direction} authentication off.` }]
        : [];
    case "untouched":
      if (passwordCurrentlySet === undefined) return [];
      if (hasUser && !passwordCurrentlySet) return [{ path: p, message: "Enter the password too, or clear the username." }];
      if (!hasUser && passwordCurrentlySet) {
        return [{ path: u, message: `Enter the username too, or clear the password to turn ${direction} authentication off.` }];
      }
      return [];
  }
}

/** What the service should store for one direction after an edit. */
export type PasswordEffect = { action: "keep" } | { action: "remove" } | { action: "set"; value: string };

export type PasswordPairResolution =
  | { ok: true; username: string | null; password: PasswordEffect }
  | { ok: false; fieldErrors: FieldErrors };

/**
 * Applies the three password states against what is stored. A tagged `password` rather than
 * `"keep" | string`, so a new password that happens to be the word "keep" is still stored.
 */
export function resolvePasswordPair(
  direction: SipDirection,
  input: { username: string | null; change: PasswordChange },
  stored: { passwordCurrentlySet: boolean },
): PasswordPairResolution {
  const issues = pairIssues(direction, input.username, input.change, stored.passwordCurrentlySet);
  if (issues.length > 0) {
    return { ok: false, fieldErrors: Object.fromEntries(issues.map((i) => [i.path, [i.message]])) };
  }
  const username = (input.username ?? "") === "" ? null : input.username;
  const c = input.change;
  if (c.state === "new") return { ok: true, username, password: { action: "set", value: c.value } };
  if (c.state === "cleared" || !stored.passwordCurrentlySet) return { ok: true, username, password: { action: "remove" } };
  return { ok: true, username, password: { action: "keep" } };
}

function addIssues(ctx: z.RefinementCtx, issues: Issue[]): void {
  for (const { path, message } of issues) ctx.addIssue({ code: "custom", message, path: [path] });
}

/** The create form: a password is just a string there, so it is "new" or absent. */
function createPasswordChange(value: string): PasswordChange {
  return value === "" ? { state: "untouched" } : { state: "new", value };
}

export function makeSipAccountSchemas({ ipMode }: { ipMode: IpMode }) {
  const common = {
    accountName,
    sipServerAddress: sipServerAddress(ipMode),
    sipTransport: sipTransport.default("auto"),
    destinationCountry,
    allowedInboundIps: allowedInboundIps(ipMode),
    outboundUsername: username,
    inboundUsername: username,
    /** The customer's trunk channels: outbound calls wait while this many calls of the account are live. */
    maxConcurrentCalls: maxConcurrentCallsText.default(""),
    callsPerSecond: callsPerSecondText.default(""),
    /** Countries outbound calls may go to, "DE, AT"; "" = the destination country only. */
    allowedDestinationCountries: allowedDestinationCountriesText.default(""),
    /** Premium-rate and other special numbers may be called (off: refused). */
    allowSpecialNumbers: z.boolean().default(false),
    /** Inbound X- headers passed to the agent as {{variables}}; "" passes none. */
    passHeaders: passHeadersText.default(""),
  };
  const createShape = { ...common, outboundPassword: passwordText, inboundPassword: passwordText };
  const editShape = { ...common, outboundPassword: passwordChange, inboundPassword: passwordChange };

  // Each cross-field rule runs once the fields it reads are valid (zod would otherwise skip
  // it while any field has an error), so the form shows it alongside other fields' errors.
  const when = (schema: z.ZodType) => ({ when: (payload: { value: unknown }) => schema.safeParse(payload.value).success });
  const pairFields = { outboundUsername: true, inboundUsername: true, outboundPassword: true, inboundPassword: true } as const;
  const ipFields = { allowedInboundIps: true, inboundUsername: true, inboundPassword: true } as const;
  const createObject = z.object(createShape);
  const editObject = z.object(editShape);

  const sipAccountFields = createObject
    .superRefine((v, ctx) => {
      // Nothing is stored yet, so the pair rule is simply "both or neither".
      for (const d of ["outbound", "inbound"] as const) {
        addIssues(ctx, pairIssues(d, v[`${d}Username`], createPasswordChange(v[`${d}Password`]), false));
      }
    }, when(createObject.pick(pairFields)))
    .superRefine((v, ctx) => {
      if (v.allowedInboundIps === "" && v.inboundUsername === "" && v.inboundPassword === "") {
        ctx.addIssue({ code: "custom", message: IPS_OR_INBOUND_AUTH, path: ["allowedInboundIps"] });
      }
    }, when(createObject.pick(ipFields)));

  const sipAccountEditFields = editObject
    .superRefine((v, ctx) => {
      for (const d of ["outbound", "inbound"] as const) {
        addIssues(ctx, pairIssues(d, v[`${d}Username`], v[`${d}Password`], undefined));
      }
    }, when(editObject.pick(pairFields)))
    .superRefine((v, ctx) => {
      if (v.allowedInboundIps === "" && v.inboundUsername === "" && v.inboundPassword.state !== "new") {
        ctx.addIssue({ code: "custom", message: IPS_OR_INBOUND_AUTH, path: ["allowedInboundIps"] });
      }
    }, when(editObject.pick(ipFields)));

  // The fields already hold canonical strings; these only change representation.
  function stored<T extends z.output<typeof sipAccountFields> | z.output<typeof sipAccountEditFields>>(v: T) {
    const ips = parseIpv4Allowlist(v.allowedInboundIps, { mode: ipMode });
    return {
      ...v,
      sipServerAddress: v.sipServerAddress === "" ? null : v.sipServerAddress,
      allowedInboundIps: ips.ok ? ips.entries : [],
      outboundUsername: v.outboundUsername === "" ? null : v.outboundUsername,
      inboundUsername: v.inboundUsername === "" ? null : v.inboundUsername,
      maxConcurrentCalls: limitValue(v.maxConcurrentCalls),
      callsPerSecond: limitValue(v.callsPerSecond),
      allowedDestinationCountries: splitCountries(v.allowedDestinationCountries),
      passHeaders: v.passHeaders === "" ? [] : v.passHeaders.split(", "),
    };
  }

  const createSipAccountInput = sipAccountFields.transform((v) => ({
    ...stored(v),
    outboundPassword: v.outboundPassword === "" ? null : v.outboundPassword,
    inboundPassword: v.inboundPassword === "" ? null : v.inboundPassword,
  }));
  const updateSipAccountInput = sipAccountEditFields.transform((v) => stored(v));

  return { sipAccountFields, sipAccountEditFields, createSipAccountInput, updateSipAccountInput };
}

export type SipAccountSchemas = ReturnType<typeof makeSipAccountSchemas>;
/** Create form values (what the drawer holds and submits). */
export type SipAccountFields = z.input<SipAccountSchemas["sipAccountFields"]>;
/** Edit form values: passwords are `PasswordChange`s. */
export type SipAccountEditFields = z.input<SipAccountSchemas["sipAccountEditFields"]>;
export type CreateSipAccountInput = z.output<SipAccountSchemas["createSipAccountInput"]>;
export type UpdateSipAccountInput = z.output<SipAccountSchemas["updateSipAccountInput"]>;

/**
 * What the browser receives. Never a password, mask, hash or length: only whether one is
 * set. Build it with `sipAccountDto.parse(...)`: unknown keys (an accidental password
 * column) are stripped.
 */
export const sipAccountDto = z.object({
  id: z.string(),
  accountName: z.string(),
  sipServerAddress: z.string().nullable(),
  sipTransport,
  destinationCountry: z.string(),
  allowedInboundIps: z.array(z.string()),
  outboundUsername: z.string().nullable(),
  outboundPasswordSet: z.boolean(),
  inboundUsername: z.string().nullable(),
  inboundPasswordSet: z.boolean(),
  /** Outbound calls wait in the queue while this many calls of the account are live; null: no limit. */
  maxConcurrentCalls: z.number().int().nullable(),
  /** New outbound calls per second; null: no limit. */
  callsPerSecond: z.number().nullable(),
  /** Countries (alpha-2) outbound calls may go to; empty: destinationCountry only. */
  allowedDestinationCountries: z.array(z.string()),
  /** Whether premium-rate and other special numbers may be called. */
  allowSpecialNumbers: z.boolean(),
  /** Inbound X- headers passed to the agent as {{variables}}. */
  passHeaders: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SipAccountDto = z.infer<typeof sipAccountDto>;

/** Shown under the transport select: LiveKit's Auto transport can drop a non-default port. */
export function transportPortWarning(address: string, transport: SipTransport): string | null {
  if (transport !== "auto") return null;
  const r = parseSipHostPort(address, { mode: "local" });
  if (!r.ok || r.value?.port === undefined) return null;
  return `LiveKit may ignore port ${r.value.port} when the transport is Auto. Choose UDP, TCP or TLS to make sure calls go to that port.`;
}
