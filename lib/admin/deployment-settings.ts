import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { ValidationError } from "@/lib/errors";
import { capCeilings } from "@/lib/spaces/outbound-caps";
import type { DeploymentSettingsValues } from "./settings-schemas";

// The deployment's settings row (id 1), with what applies when it was never saved: sign-up
// open, the public SIP values from the environment, no defaults for new Spaces.

const DEFAULTS: DeploymentSettingsValues = {
  signUpMode: "open",
  invitedEmails: [],
  sipPublicDomain: null,
  sipPublicIps: [],
  defaultMonthlyMinutesLimit: null,
  defaultOutboundCallsPerMinute: null,
  defaultOutboundConcurrentCalls: null,
  defaultOutboundCallsPerDay: null,
};

export async function readDeploymentSettings(client: Pick<Prisma.TransactionClient, "deploymentSettings"> = db()): Promise<DeploymentSettingsValues> {
  const row = await client.deploymentSettings.findUnique({ where: { id: 1 } });
  if (!row) return DEFAULTS;
  return {
    signUpMode: row.signUpMode,
    invitedEmails: row.invitedEmails,
    sipPublicDomain: row.sipPublicDomain,
    sipPublicIps: row.sipPublicIps,
    defaultMonthlyMinutesLimit: row.defaultMonthlyMinutesLimit,
    defaultOutboundCallsPerMinute: row.defaultOutboundCallsPerMinute,
    defaultOutboundConcurrentCalls: row.defaultOutboundConcurrentCalls,
    defaultOutboundCallsPerDay: row.defaultOutboundCallsPerDay,
  };
}

export async function saveDeploymentSettings(values: DeploymentSettingsValues): Promise<DeploymentSettingsValues> {
  // A default for new Spaces may only lower the deployment's ceilings, as a Space's own caps.
  const ceilings = capCeilings();
  const over: Record<string, string[]> = {};
  const check = (field: keyof DeploymentSettingsValues, value: number | null, ceiling: number) => {
    if (value !== null && value > ceiling) over[field] = [`At most ${ceiling.toLocaleString("en")} (this deployment's limit).`];
  };
  check("defaultOutboundCallsPerMinute", values.defaultOutboundCallsPerMinute, ceilings.callsPerMinute);
  check("defaultOutboundConcurrentCalls", values.defaultOutboundConcurrentCalls, ceilings.concurrentCalls);
  check("defaultOutboundCallsPerDay", values.defaultOutboundCallsPerDay, ceilings.callsPerDay);
  if (Object.keys(over).length > 0) throw new ValidationError("A default is above this deployment's limit.", over);
  await db().deploymentSettings.upsert({ where: { id: 1 }, create: { id: 1, ...values }, update: values });
  return readDeploymentSettings();
}

/** The Space columns a new Space starts with. */
export async function newSpaceDefaults(tx: Prisma.TransactionClient): Promise<Pick<Prisma.SpaceUncheckedCreateInput, "monthlyMinutesLimit" | "outboundCallsPerMinute" | "outboundConcurrentCalls" | "outboundCallsPerDay">> {
  const s = await readDeploymentSettings(tx);
  return {
    monthlyMinutesLimit: s.defaultMonthlyMinutesLimit,
    outboundCallsPerMinute: s.defaultOutboundCallsPerMinute,
    outboundConcurrentCalls: s.defaultOutboundConcurrentCalls,
    outboundCallsPerDay: s.defaultOutboundCallsPerDay,
  };
}
