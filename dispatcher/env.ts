import { z } from "zod";
import { deploymentModeOf, deploymentModeSetting, localSecretInProduction } from "@/lib/deployment-mode";
import { DEFAULT_DISABLE_AFTER_SECONDS, DEFAULT_RETRY_SCHEDULE_SECONDS, parseRetrySchedule } from "@/lib/webhooks/retry-schedule";

// The only reader of process.env for the dispatcher (the web app has lib/env.ts, the agent
// worker agent-worker/env.ts). Validated once at start; a bad setting stops it, naming it.

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const LIVEKIT_SETTINGS = ["LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET"] as const;

const dispatcherEnvSchema = z
  .object({
    DATABASE_URL: z.string().min(1, "DATABASE_URL is required: the queue and the calls live in PostgreSQL"),
    // Optional as a group, as for the web app: without LiveKit the dispatcher runs, takes no
    // call (they stay queued, not failed) and says so; a partial set is an error.
    LIVEKIT_URL: optionalText.pipe(z.url("LIVEKIT_URL must be a URL such as http://127.0.0.1:7880").optional()),
    LIVEKIT_API_KEY: optionalText,
    LIVEKIT_API_SECRET: optionalText.pipe(z.string().min(32, "LIVEKIT_API_SECRET must be at least 32 characters").optional()),
    /** The agent worker's registered name, dispatched into every outbound call's room. */
    AGENT_NAME: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "AGENT_NAME must be 1-64 letters, digits, dots, dashes or underscores")
      .default("switchboard-agent"),
    /** Queue jobs run at once by this process (a job claims and starts one call; dials are not held by it). */
    DISPATCHER_CONCURRENCY: int(1, 200, 16),
    /** Calls this process may be starting at once in LiveKit (room join + INVITE, its costly step), and as many claimed ahead (place-call-task.ts). */
    DISPATCHER_DIAL_STARTS: int(1, 500, 6),
    /** Calls this process follows at once while they dial and ring; more wait in the queue. */
    DISPATCHER_MAX_DIALS: int(1, 10_000, 200),
    /** How often dialling, ringing and live calls are compared with LiveKit. */
    DISPATCHER_RECONCILE_SECONDS: int(1, 3600, 5),
    /** How long a call is this process's alone after its last sign of life; then any dispatcher takes it over. */
    DISPATCHER_LEASE_SECONDS: int(3, 600, 15),
    /** Health endpoint (GET / answers 200 with the dispatcher's state). */
    DISPATCHER_HTTP_HOST: z.string().default("127.0.0.1"),
    DISPATCHER_HTTP_PORT: int(1, 65535, 8090),
    /** The deployment's outbound caps per Space (as for the web app): calls over them wait in the queue. */
    OUTBOUND_CALLS_PER_MINUTE: int(1, 1_000_000_000, 30),
    OUTBOUND_CONCURRENT_CALLS: int(1, 1_000_000_000, 10),
    /** Seconds an outbound call may ring before LiveKit cancels it (no answer, SIP 487/408). */
    CALL_RINGING_TIMEOUT_SECONDS: int(5, 120, 30),
    /** Opens webhook signing secrets (the web app's key ring); without it no webhook is sent. */
    CREDENTIALS_KEYS: optionalText,
    /** production: webhooks and calls only to public addresses (DNS at every send and dial), host ownership; unset follows NODE_ENV (lib/deployment-mode.ts). */
    DEPLOYMENT_MODE: deploymentModeSetting,
    NODE_ENV: optionalText,
    /** Seconds between a failed webhook attempt and the next ("5,30,120,..."); default lib/webhooks/retry-schedule.ts. */
    WEBHOOK_RETRY_SCHEDULE_SECONDS: optionalText.pipe(
      z
        .string()
        .optional()
        .transform((v, ctx) => {
          if (v === undefined) return [...DEFAULT_RETRY_SCHEDULE_SECONDS];
          try {
            return parseRetrySchedule(v);
          } catch (err) {
            ctx.addIssue({ code: "custom", message: (err as Error).message });
            return z.NEVER;
          }
        }),
    ),
    /** An endpoint failing without a success for this long is disabled (default 3 days). */
    WEBHOOK_DISABLE_AFTER_SECONDS: int(60, 90 * 24 * 3600, DEFAULT_DISABLE_AFTER_SECONDS),
    /** How long one webhook attempt may take. */
    WEBHOOK_TIMEOUT_SECONDS: int(1, 60, 10),
    /** Every account is verified against LiveKit this often (minutes; 0 turns the periodic Verify off). */
    VERIFY_EVERY_MINUTES: int(0, 24 * 60, 10),
    /** The SIP edge's JSON-RPC (edge mode): its routing cache is emptied on every change of numbers, accounts or Spaces. */
    SIP_EDGE_RPC_URL: optionalText.pipe(z.url("SIP_EDGE_RPC_URL must be a URL such as http://127.0.0.1:5090/RPC").optional()),
  })
  .superRefine((env, ctx) => {
    const missing = LIVEKIT_SETTINGS.filter((name) => env[name] === undefined);
    if (missing.length > 0 && missing.length < LIVEKIT_SETTINGS.length) {
      for (const name of missing) ctx.addIssue({ code: "custom", path: [name], message: `${name} is required when any of ${LIVEKIT_SETTINGS.join(", ")} is set` });
    }
    const localSecret = localSecretInProduction(env);
    if (localSecret) ctx.addIssue({ code: "custom", path: ["LIVEKIT_API_SECRET"], message: localSecret });
  })
  .transform((env) => ({ ...env, DEPLOYMENT_MODE: deploymentModeOf(env) }));

export type DispatcherEnv = z.infer<typeof dispatcherEnvSchema>;

export function parseDispatcherEnv(source: Record<string, string | undefined>): DispatcherEnv {
  const parsed = dispatcherEnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid dispatcher environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function liveKitOf(env: DispatcherEnv) {
  return env.LIVEKIT_URL && env.LIVEKIT_API_KEY && env.LIVEKIT_API_SECRET ? { url: env.LIVEKIT_URL, apiKey: env.LIVEKIT_API_KEY, apiSecret: env.LIVEKIT_API_SECRET } : undefined;
}
