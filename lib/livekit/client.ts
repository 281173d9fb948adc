import "server-only";
import { SipClient } from "livekit-server-sdk";
import { serverEnv } from "@/lib/env";
import { liveKitNotConfiguredError } from "./errors";

// The one place that builds LiveKit API clients. Everything else in lib/livekit takes a
// LiveKitClients (default: the one for the server environment) so tests can point at any
// LiveKit without touching process.env.

export type LiveKitConfig = {
  /** HTTP(S) or WS(S) URL of livekit-server, e.g. http://127.0.0.1:7880 */
  url: string;
  apiKey: string;
  apiSecret: string;
  /** Per-request timeout; the SDK default is 10 s. */
  requestTimeoutSeconds?: number;
};

export type LiveKitClients = {
  readonly sip: SipClient;
};

export function connectLiveKit(config: LiveKitConfig): LiveKitClients {
  const options = {
    requestTimeout: config.requestTimeoutSeconds ?? 10,
    // Region failover only applies to LiveKit Cloud; a self-hosted server has no regions.
    failover: false,
  };
  return {
    sip: new SipClient(config.url, config.apiKey, config.apiSecret, options),
  };
}

// A process other than the web app (the dispatcher) validates its own environment and hands
// the result here at start, so lib/livekit never reads the web app's settings there.
let processConfig: { config: LiveKitConfig | undefined } | undefined;

/** Sets the LiveKit this process talks to (undefined: not configured), instead of lib/env's. */
export function installLiveKitConfig(config: LiveKitConfig | undefined): void {
  processConfig = { config };
}

/**
 * The LiveKit of the server environment, or undefined when LIVEKIT_URL, LIVEKIT_API_KEY and
 * LIVEKIT_API_SECRET are unset (lib/env allows all three or none).
 */
export function liveKitFromEnv(): LiveKitConfig | undefined {
  if (processConfig) return processConfig.config;
  const env = serverEnv();
  if (!env.LIVEKIT_URL || !env.LIVEKIT_API_KEY || !env.LIVEKIT_API_SECRET) return undefined;
  return { url: env.LIVEKIT_URL, apiKey: env.LIVEKIT_API_KEY, apiSecret: env.LIVEKIT_API_SECRET };
}

export function isLiveKitConfigured(): boolean {
  return liveKitFromEnv() !== undefined;
}

/**
 * A stand-in for an SDK client when no LiveKit is configured: every method rejects with the
 * "not configured" LiveKitError, an "unreachable" kind, so every caller already handles it
 * (accounts saved as "Not provisioned", Verify's checks failed) and says what to set.
 */
export function unconfiguredClient<T extends object>(): T {
  return new Proxy({} as T, { get: () => () => Promise.reject(liveKitNotConfiguredError()) });
}

const unconfigured: LiveKitClients = { sip: unconfiguredClient<SipClient>() };
let cached: { key: string; clients: LiveKitClients } | undefined;

/** Clients for the LiveKit named by LIVEKIT_URL / LIVEKIT_API_KEY / LIVEKIT_API_SECRET. */
export function defaultLiveKit(): LiveKitClients {
  const config = liveKitFromEnv();
  if (!config) return unconfigured;
  const key = `${config.url}\n${config.apiKey}\n${config.apiSecret}`;
  if (cached?.key !== key) cached = { key, clients: connectLiveKit(config) };
  return cached.clients;
}
