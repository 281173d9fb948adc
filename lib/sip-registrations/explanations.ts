import type { RegistrationStatus } from "./schemas";

// A registration's status in plain words, with the seed's troubleshooting rows as the fix
// ("Agent not receiving calls: the registration failed", "One-way audio: try TCP"). Pure, so
// the REST view and the agent page say the same thing.

export type StatusFacts = {
  status: RegistrationStatus;
  enabled: boolean;
  domain: string;
  lastCode: number | null;
  lastReason: string | null;
  expiresAt: Date | null;
  retryAt: Date | null;
};

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  not_registered: "Not registered",
  pending: "Registering",
  registered: "Registered",
  auth_failed: "Password refused",
  failed: "Registration failed",
};

/** "403 Forbidden", or "" when the PBX never answered. */
function answer(f: StatusFacts): string {
  if (f.lastCode === null) return "";
  return `${f.lastCode}${f.lastReason ? ` ${f.lastReason}` : ""}`;
}

export const ONE_WAY_AUDIO_TIP = "One-way audio on calls to this agent: try TCP (or TLS where the PBX needs it), and check the proxy setting.";

export function explainRegistration(f: StatusFacts): { summary: string; fix: string | null } {
  switch (f.status) {
    case "registered":
      return { summary: `Registered with ${f.domain}${f.expiresAt ? `; refreshed before ${f.expiresAt.toISOString()}` : ""}. The PBX rings this agent like any extension.`, fix: null };
    case "pending":
      return { summary: f.enabled ? `Registering with ${f.domain}…` : `Unregistering from ${f.domain}…`, fix: null };
    case "not_registered":
      return { summary: `Not registered with ${f.domain}: the PBX does not route calls to this agent.`, fix: f.enabled ? null : "Save the registration to register again." };
    case "auth_failed":
      return {
        summary: `Agent not receiving calls: registration failed, ${answer(f) || "the PBX refused the credentials"} from the PBX. No more attempts are made until the credentials change, so the PBX does not lock the extension out.`,
        fix: "Check the username, the authentication username and the password against the extension on the PBX, then save them here.",
      };
    case "failed": {
      const retry = f.retryAt ? ` Next attempt at ${f.retryAt.toISOString()}.` : "";
      if (f.lastCode === 408 || f.lastCode === null) {
        return {
          summary: `Agent not receiving calls: no answer to REGISTER from ${f.domain}.${retry}`,
          fix: "Check the domain, port, transport and proxy, and that the PBX's firewall allows SIP from Our SIP server IPs.",
        };
      }
      return {
        summary: `Agent not receiving calls: registration failed, ${answer(f)} from the PBX.${retry}`,
        fix: "Check that the extension exists on the PBX and accepts registrations from Our SIP server IPs.",
      };
    }
  }
}
