import { z } from "zod";

// DEPLOYMENT_MODE for the web app (lib/env.ts) and the dispatcher (dispatcher/env.ts) alike.
// "production" is the strict address policy (lib/net) and host ownership; "local" lets a
// single operator's machine dial its own loopback and private addresses. A hosted deployment
// that forgets the setting must fail closed, so unset means production whenever NODE_ENV
// does; the stack scripts (scripts/start.sh, scripts/test.sh, bench/run.sh) set "local".

export type DeploymentMode = "local" | "production";

export const deploymentModeSetting = z.enum(["local", "production"]).optional();

/** The LiveKit API secret scripts/stack/env.sh gives every local stack: public, so never production's. */
export const LOCAL_STACK_LIVEKIT_SECRET = "switchboard-local-only-secret-do-not-use-in-production-0123456789";

export function deploymentModeOf(env: { DEPLOYMENT_MODE?: DeploymentMode | undefined; NODE_ENV?: string | undefined }): DeploymentMode {
  return env.DEPLOYMENT_MODE ?? (env.NODE_ENV === "production" ? "production" : "local");
}

/** The issue to report when production would run on the local stack's published secret, else null. */
export function localSecretInProduction(env: { DEPLOYMENT_MODE?: DeploymentMode | undefined; NODE_ENV?: string | undefined; LIVEKIT_API_SECRET?: string | undefined }): string | null {
  if (deploymentModeOf(env) !== "production" || env.LIVEKIT_API_SECRET !== LOCAL_STACK_LIVEKIT_SECRET) return null;
  return "LIVEKIT_API_SECRET is the local stack's published secret; production needs its own (32+ random characters).";
}
