import { z } from "zod";
import { normalizeE164 } from "@/lib/phone-numbers/e164";
import { passwordChange } from "@/lib/sip-accounts/schemas";

// An agent's SIP registration (seed 002, "Set SIP Registration"): the fields and rules of the
// seed, shared by the REST API and the agent page's form. Empty strings are unset. Saving
// enables the registration.

// A SIP user part we can put in a URI and a JSON-RPC string without escaping.
const SIP_USER = /^[A-Za-z0-9._~+!$&'()*=%-]+$/;
const HOST = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
// The seed's allowed characters for X-Dest-User.
const X_DEST_USER = /^[A-Za-z0-9._+@~/-]+$/;
const PASSWORD = /^[\x20-\x7e]*$/;

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());
/** Absent, null or empty all get `missing`, on the field. */
const required = (missing: string, schema: z.ZodType<string, string>) =>
  z.preprocess(emptyToUndefined, z.string({ error: (issue) => (issue.input === undefined || issue.input === null ? missing : "Enter text.") }).pipe(schema));

const host = (what: string) =>
  z
    .string()
    .trim()
    .max(253, `Keep the ${what} to 253 characters or fewer.`)
    .refine((v) => HOST.test(v), `Enter the ${what} as a host name or IPv4 address, without sip:, user or port (for example sip.example.com).`);

const sipUser = (what: string) =>
  z
    .string()
    .trim()
    .max(64, `Keep the ${what} to 64 characters or fewer.`)
    .refine((v) => SIP_USER.test(v), `Use letters, digits and . _ ~ + - ! $ & ' ( ) * = % only in the ${what}.`);

export const REGISTRATION_TRANSPORTS = ["udp", "tcp", "tls"] as const;
export const TLS_NOT_SUPPORTED = "TLS is not available on this deployment's SIP edge (it has no TLS listener). Use UDP or TCP.";
export const SUBSCRIBE_NOT_SUPPORTED = "SUBSCRIBE (presence / BLF) is not supported: the SIP edge registers and takes calls but does not subscribe. Turn it off.";

export const registrationFields = z.object({
  domain: required("Enter the SIP domain (for example sip.example.com).", host("SIP domain")),
  username: required("Enter the SIP username (it is also the extension).", sipUser("username")),
  proxy: optional(host("proxy")),
  port: z.preprocess(
    (v) => (v === "" || v === null ? undefined : typeof v === "string" ? Number(v) : v),
    z.number({ error: "Enter the port as a number, for example 5060 (or 5061 for TLS)." }).int("Enter a whole port number.").min(1, "Use a port from 1 to 65535.").max(65535, "Use a port from 1 to 65535.").optional(),
  ),
  transport: z
    .preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim().toLowerCase()) : v), z.enum(REGISTRATION_TRANSPORTS, { error: "Choose udp, tcp or tls." }).optional())
    .refine((v) => v !== "tls", TLS_NOT_SUPPORTED),
  subscribe: z.boolean({ error: "subscribe is true or false." }).optional().refine((v) => v !== true, SUBSCRIBE_NOT_SUPPORTED),
  authUsername: optional(sipUser("authentication username")),
  did: optional(
    z.string().transform((v, ctx) => {
      const parsed = normalizeE164(v);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: "custom", message: `Enter the DID in E.164 form, for example +15551234567. ${parsed.error}` });
      return z.NEVER;
    }),
  ),
  xDestUser: optional(
    z
      .string()
      .trim()
      .max(128, "Keep X-Dest-User to 128 characters or fewer.")
      .refine((v) => X_DEST_USER.test(v), "Use a-z, A-Z, 0-9 and . _ + @ ~ / - only in X-Dest-User."),
  ),
});

export const passwordText = z
  .string()
  .max(128, "Keep the password to 128 characters or fewer.")
  .refine((v) => PASSWORD.test(v), "Use letters, digits, spaces and ASCII symbols only.");

/** What the service saves: the fields, plus the password change (the form's three states). */
export const registrationInput = registrationFields.extend({ password: passwordChange });
export type RegistrationInput = z.infer<typeof registrationInput>;

export const REGISTRATION_STATUSES = ["not_registered", "pending", "registered", "auth_failed", "failed"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** What GET answers and the agent page shows; never the password or the contact. */
export type RegistrationView = {
  agentId: string;
  enabled: boolean;
  domain: string;
  username: string;
  extension: string;
  hasPassword: boolean;
  proxy: string | null;
  port: number | null;
  transport: "udp" | "tcp" | "tls";
  subscribe: false;
  authUsername: string | null;
  did: string | null;
  xDestUser: string | null;
  status: RegistrationStatus;
  lastCode: number | null;
  lastReason: string | null;
  expiresAt: string | null;
  lastAttemptAt: string | null;
  /** The status in plain words, with what to do about it (seed 002's troubleshooting). */
  explanation: { summary: string; fix: string | null };
  updatedAt: string;
};

/** The REST body of PUT …/sip-registration: the password as text (absent or "" keeps the stored one). */
export const registrationRestBody = z.strictObject({
  ...registrationFields.shape,
  password: z.string().optional().meta({ description: "Required the first time; absent or empty keeps the stored password. Never returned." }),
});
