import "server-only";
import { readDeploymentSettings } from "@/lib/admin/deployment-settings";
import { serverEnv } from "@/lib/env";

/** What operators hand to their PBX admin: where to send INVITEs and which IPs to trust. */
export type PublicSipParameters = { domain: string; ips: string[] };

/** The administrator's values (Admin → Settings) when set, else SIP_PUBLIC_DOMAIN / SIP_PUBLIC_IPS. */
export async function publicSipParameters(): Promise<PublicSipParameters> {
  const env = serverEnv();
  const saved = await readDeploymentSettings();
  return { domain: saved.sipPublicDomain ?? env.SIP_PUBLIC_DOMAIN, ips: saved.sipPublicIps.length > 0 ? saved.sipPublicIps : env.SIP_PUBLIC_IPS };
}
