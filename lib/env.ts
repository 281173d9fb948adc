import { z } from "zod";
import { parseKeyring } from "@/lib/crypto/credentials";

// The only reader of process.env for the web app. Parsed once, lazily, so a build without a
// full environment still works; a running server with a bad environment fails on first use
// with a message naming the variable.

const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (scripts/start.sh sets it for the embedded PostgreSQL)"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  LIVEKIT_URL: z.url("LIVEKIT_URL must be a URL such as http://127.0.0.1:7880"),
  LIVEKIT_API_KEY: z.string().min(1, "LIVEKIT_API_KEY is required"),
  LIVEKIT_API_SECRET: z.string().min(32, "LIVEKIT_API_SECRET must be at least 32 characters"),
  SIP_PUBLIC_DOMAIN: z.string().min(1, "SIP_PUBLIC_DOMAIN is required, e.g. livekit-sip.example.com:5060"),
  SIP_PUBLIC_IPS: z
    .string()
    .min(1, "SIP_PUBLIC_IPS is required, e.g. 203.0.113.10:5060")
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean)),
  /** "production" turns on the strict allowlist rules (no loopback, reserved or multicast). */
  DEPLOYMENT_MODE: z.enum(["local", "production"]).default("local"),
  /** The agent worker's registered name: every number's dispatch rule dispatches it. */
  AGENT_NAME: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "AGENT_NAME must be 1-64 letters, digits, dots, dashes or underscores")
    .default("switchboard-agent"),
  /**
   * Shared secret the agent worker presents to /api/internal/* (bearer token, 32+ characters).
   * Empty: the internal API refuses every request.
   */
  WORKER_INTERNAL_TOKEN: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()))
    .pipe(z.string().min(32, "WORKER_INTERNAL_TOKEN must be at least 32 characters").optional()),
  /** Keyring for SIP passwords at rest; validated here so a bad key stops start-up. */
  CREDENTIALS_KEYS: z.string({ error: "CREDENTIALS_KEYS is required: comma-separated <keyId>:<base64 of 32 bytes>" }).superRefine((raw, ctx) => {
    try {
      parseKeyring(raw);
    } catch (err) {
      ctx.addIssue({ code: "custom", message: (err as Error).message });
    }
  }),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid server environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
