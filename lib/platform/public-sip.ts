import "server-only";
import { serverEnv } from "@/lib/env";

/** What operators hand to their PBX admin: where to send INVITEs and which IPs to trust. */
export type PublicSipParameters = { domain: string; ips: string[] };

export function publicSipParameters(): PublicSipParameters {
  const env = serverEnv();
  return { domain: env.SIP_PUBLIC_DOMAIN, ips: env.SIP_PUBLIC_IPS };
}
