import { z } from "zod";
import { parseIpv4 } from "@/lib/net/ipv4";

// Admin → Settings: the deployment's settings as the form edits them (text fields) and as
// the service stores them. Isomorphic: the form, its action and the admin API parse with these.

export const signUpModes = ["open", "invite_only"] as const;
export const signUpModeLabels = { open: "Open: anyone may sign up", invite_only: "Invite-only: invited emails only" } as const;

const HOST_PORT = /^(?=.{1,253}(:\d{1,5})?$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:\d{1,5})?$/;
const validPort = (v: string) => {
  const port = v.includes(":") ? Number(v.split(":")[1]) : 5060;
  return port >= 1 && port <= 65535;
};
const ipPort = (v: string) => {
  const [ip = "", port] = v.split(":");
  return parseIpv4(ip) !== null && (port === undefined || (/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535));
};
const lines = (v: string) => v.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
const emailShape = z.email();
const limitText = z.string().trim().refine((v) => v === "" || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 10_000_000), "A whole number from 1, or empty.");

export const deploymentSettingsFields = z.object({
  signUpMode: z.enum(signUpModes),
  invitedEmails: z.string().max(20_000).refine((v) => lines(v).every((e) => emailShape.safeParse(e).success), { message: "One email address per line; one of these is not an email address." }),
  sipPublicDomain: z.string().trim().refine((v) => v === "" || (HOST_PORT.test(v) && validPort(v)), "A host name with an optional port, such as sip.example.com:5060; empty: the SIP_PUBLIC_DOMAIN setting."),
  sipPublicIps: z.string().max(2000).refine((v) => lines(v).every(ipPort), "IPv4 addresses with an optional port, such as 203.0.113.10:5060, one per line; empty: the SIP_PUBLIC_IPS setting."),
  defaultMonthlyMinutesLimit: limitText,
  defaultOutboundCallsPerMinute: limitText,
  defaultOutboundConcurrentCalls: limitText,
  defaultOutboundCallsPerDay: limitText,
});
export type DeploymentSettingsFields = z.output<typeof deploymentSettingsFields>;

export type DeploymentSettingsValues = {
  signUpMode: (typeof signUpModes)[number];
  invitedEmails: string[];
  sipPublicDomain: string | null;
  sipPublicIps: string[];
  defaultMonthlyMinutesLimit: number | null;
  defaultOutboundCallsPerMinute: number | null;
  defaultOutboundConcurrentCalls: number | null;
  defaultOutboundCallsPerDay: number | null;
};

const num = (v: string) => (v === "" ? null : Number(v));

export function settingsFromFields(f: DeploymentSettingsFields): DeploymentSettingsValues {
  return {
    signUpMode: f.signUpMode,
    invitedEmails: [...new Set(lines(f.invitedEmails).map((e) => e.toLowerCase()))],
    sipPublicDomain: f.sipPublicDomain === "" ? null : f.sipPublicDomain,
    sipPublicIps: lines(f.sipPublicIps),
    defaultMonthlyMinutesLimit: num(f.defaultMonthlyMinutesLimit),
    defaultOutboundCallsPerMinute: num(f.defaultOutboundCallsPerMinute),
    defaultOutboundConcurrentCalls: num(f.defaultOutboundConcurrentCalls),
    defaultOutboundCallsPerDay: num(f.defaultOutboundCallsPerDay),
  };
}

export function fieldsFromSettings(s: DeploymentSettingsValues): DeploymentSettingsFields {
  const text = (v: number | null) => (v === null ? "" : String(v));
  return {
    signUpMode: s.signUpMode,
    invitedEmails: s.invitedEmails.join("\n"),
    sipPublicDomain: s.sipPublicDomain ?? "",
    sipPublicIps: s.sipPublicIps.join("\n"),
    defaultMonthlyMinutesLimit: text(s.defaultMonthlyMinutesLimit),
    defaultOutboundCallsPerMinute: text(s.defaultOutboundCallsPerMinute),
    defaultOutboundConcurrentCalls: text(s.defaultOutboundConcurrentCalls),
    defaultOutboundCallsPerDay: text(s.defaultOutboundCallsPerDay),
  };
}
