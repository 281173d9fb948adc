import "server-only";
import { SipClient } from "livekit-server-sdk";
import { serverEnv } from "@/lib/env";

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

let cached: { key: string; clients: LiveKitClients } | undefined;

/** Clients for the LiveKit named by LIVEKIT_URL / LIVEKIT_API_KEY / LIVEKIT_API_SECRET. */
export function defaultLiveKit(): LiveKitClients {
  const env = serverEnv();
  const key = `${env.LIVEKIT_URL}\n${env.LIVEKIT_API_KEY}\n${env.LIVEKIT_API_SECRET}`;
  if (cached?.key !== key) {
    cached = {
      key,
      clients: connectLiveKit({ url: env.LIVEKIT_URL, apiKey: env.LIVEKIT_API_KEY, apiSecret: env.LIVEKIT_API_SECRET }),
    };
  }
  return cached.clients;
}
