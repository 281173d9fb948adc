import { z } from "zod";
import { parseKeyring } from "@/lib/crypto/credentials";
import { parseInternalNetwork } from "@/lib/worker-auth/internal-network";
import { deploymentModeOf, deploymentModeSetting, localSecretInProduction } from "@/lib/deployment-mode";

// The only reader of process.env for the web app. Parsed once, lazily, so a build without a
// full environment still works; a running server with a bad environment fails on first use
// with a message naming the variable.

/** An unset or blank variable reads as undefined. */
const optionalSetting = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const LIVEKIT_SETTINGS = ["LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET"] as const;

const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (scripts/start.sh sets it for the embedded PostgreSQL)"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  // LiveKit is optional as a group: without it the console still runs (accounts are saved as
  // "Not provisioned", calls stay queued) and says what to set; a partial set is an error.
  LIVEKIT_URL: optionalSetting.pipe(z.url("LIVEKIT_URL must be a URL such as http://127.0.0.1:7880").optional()),
  LIVEKIT_API_KEY: optionalSetting,
  LIVEKIT_API_SECRET: optionalSetting.pipe(z.string().min(32, "LIVEKIT_API_SECRET must be at least 32 characters").optional()),
  SIP_PUBLIC_DOMAIN: z.string().min(1, "SIP_PUBLIC_DOMAIN is required, e.g. livekit-sip.example.com:5060"),
  SIP_PUBLIC_IPS: z
    .string()
    .min(1, "SIP_PUBLIC_IPS is required, e.g. 203.0.113.10:5060")
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean)),
  /** The console's public URL: cookie-authenticated REST writes must come from its origin. */
  NEXTAUTH_URL: optionalSetting.pipe(z.url("NEXTAUTH_URL must be a URL such as https://console.example.com").optional()),
  /** Failed sign-ins allowed per email, and per source address, in AUTH_SIGN_IN_WINDOW_SECONDS. */
  AUTH_SIGN_IN_MAX_PER_EMAIL: z.coerce.number().int().min(1).default(10),
  AUTH_SIGN_IN_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  AUTH_SIGN_IN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
  /** Sign-ups allowed per source address in AUTH_SIGN_UP_WINDOW_SECONDS. */
  AUTH_SIGN_UP_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
  AUTH_SIGN_UP_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60 * 60),
  /**
   * Outbound calls each Space may place: per minute, at once, per UTC day. A Space may set
   * lower caps for itself (Settings → Outbound calls), never higher ones.
   */
  OUTBOUND_CALLS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  OUTBOUND_CONCURRENT_CALLS: z.coerce.number().int().min(1).default(10),
  OUTBOUND_CALLS_PER_DAY: z.coerce.number().int().min(1).default(1000),
  /**
   * The deployment's administrators (the Admin area), comma-separated emails, compared
   * lowercase. Empty: the first user to sign up on a fresh deployment is its administrator.
   */
  SWITCHBOARD_ADMIN_EMAILS: optionalSetting.transform((v) => (v ? v.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean) : [])),
  /** The platform carrier's name as Spaces see it on platform numbers (e.g. "Telnyx"); unset: "Platform carrier". */
  TELEPHONY_PROVIDER: optionalSetting,
  /** "production": the strict address policy and host ownership (lib/deployment-mode.ts); unset follows NODE_ENV. */
  DEPLOYMENT_MODE: deploymentModeSetting,
  /** The agent worker's registered name: every number's dispatch rule dispatches it. */
  AGENT_NAME: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "AGENT_NAME must be 1-64 letters, digits, dots, dashes or underscores")
    .default("switchboard-agent"),
  /**
   * Shared secret the agent worker presents to /api/internal/* (bearer token, 32+ characters).
   * Empty: the internal API refuses every request.
   */
  WORKER_INTERNAL_TOKEN: optionalSetting.pipe(z.string().min(32, "WORKER_INTERNAL_TOKEN must be at least 32 characters").optional()),
  /**
   * Edge mode (scripts/stack/edge): the addresses the SIP edge relays INVITEs from. LiveKit's
   * inbound trunks then accept only these, and the edge enforces each account's Allowed
   * inbound IPs. Empty: direct mode (PBX -> livekit-sip), the trunks carry the accounts' lists.
   */
  SIP_EDGE_ADDRESSES: optionalSetting.transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : [])),
  /** The edge's JSON-RPC URL (loopback), for the "PBX reachable" SIP OPTIONS probe. */
  SIP_EDGE_RPC_URL: optionalSetting.pipe(z.url("SIP_EDGE_RPC_URL must be a URL such as http://127.0.0.1:5090/RPC").optional()),
  /** The expiry the SIP edge asks for when it registers an agent on a PBX (the PBX may grant less). */
  SIP_REGISTRATION_EXPIRES_SECONDS: z.coerce.number().int().min(20).max(86_400).default(600),
  /**
   * Where the internal API (/api/internal/*: the agent worker, the SIP edge) may be called
   * from, IPv4 addresses or CIDR ranges; others get 403 whatever token they hold.
   */
  INTERNAL_API_ALLOWED_ADDRESSES: z
    .string()
    .default("127.0.0.0/8")
    .transform((v, ctx) => {
      try {
        return parseInternalNetwork(v);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
        return z.NEVER;
      }
    }),
  /** Bearer secret the edge presents to /api/internal/edge/* (32+ characters). Empty: refused. */
  EDGE_INTERNAL_TOKEN: optionalSetting.pipe(z.string().min(32, "EDGE_INTERNAL_TOKEN must be at least 32 characters").optional()),
  /** Keyring for SIP passwords at rest; validated here so a bad key stops start-up. */
  CREDENTIALS_KEYS: z.string({ error: "CREDENTIALS_KEYS is required: comma-separated <keyId>:<base64 of 32 bytes>" }).superRefine((raw, ctx) => {
    try {
      parseKeyring(raw);
    } catch (err) {
      ctx.addIssue({ code: "custom", message: (err as Error).message });
    }
  }),
}).superRefine((env, ctx) => {
  const missing = LIVEKIT_SETTINGS.filter((name) => env[name] === undefined);
  if (missing.length > 0 && missing.length < LIVEKIT_SETTINGS.length) {
    for (const name of missing) {
      ctx.addIssue({ code: "custom", path: [name], message: `${name} is required when any of ${LIVEKIT_SETTINGS.join(", ")} is set` });
    }
  }
  const localSecret = localSecretInProduction(env);
  if (localSecret) ctx.addIssue({ code: "custom", path: ["LIVEKIT_API_SECRET"], message: localSecret });
}).transform((env) => ({ ...env, DEPLOYMENT_MODE: deploymentModeOf(env) }));

export type ServerEnv = z.infer<typeof serverEnvSchema>;

/** Parses an environment; throws one error listing every variable that is wrong. */
export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const parsed = serverEnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid server environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}
