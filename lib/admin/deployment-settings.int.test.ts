import { randomBytes } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import { publicSipParameters } from "@/lib/platform/public-sip";
import { createSpace, signUp } from "@/lib/spaces/service";
import { readDeploymentSettings, saveDeploymentSettings } from "./deployment-settings";
import { INVITE_ONLY_MESSAGE } from "./sign-up-policy";
import type { DeploymentSettingsValues } from "./settings-schemas";

// The deployment's settings row against the real PostgreSQL: sign-up honours invite-only,
// the saved public SIP values win over the environment, and new Spaces start with the
// defaults. Each test puts the row back as it found it.

const open: DeploymentSettingsValues = { signUpMode: "open", invitedEmails: [], sipPublicDomain: null, sipPublicIps: [], defaultMonthlyMinutesLimit: null, defaultOutboundCallsPerMinute: null, defaultOutboundConcurrentCalls: null, defaultOutboundCallsPerDay: null };
const emails: string[] = [];
const email = (label: string) => {
  const e = `${label}-${randomBytes(4).toString("hex")}@int.switchboard.test`;
  emails.push(e);
  return e;
};
const signUpAs = async (address: string) => {
  const created = await signUp({ name: "Settings", email: address, password: "a-long-password", spaceName: "Settings Space" });
  if (!created) throw new Error(`${address} had an account already`);
  return created;
};

afterEach(async () => {
  await saveDeploymentSettings(open);
});
afterAll(async () => {
  const users = await db().user.findMany({ where: { email: { in: emails } }, select: { memberships: { select: { spaceId: true } } } });
  await db().space.deleteMany({ where: { id: { in: users.flatMap((u) => u.memberships.map((m) => m.spaceId)) } } });
  await db().user.deleteMany({ where: { email: { in: emails } } });
});

describe("deployment settings", () => {
  it("invite-only sign-up admits invited emails only, with the refusal on the email field", async () => {
    await db().user.create({ data: { email: email("existing"), name: "Existing", passwordHash: "x" } });
    const invited = email("invited");
    await saveDeploymentSettings({ ...open, signUpMode: "invite_only", invitedEmails: [invited] });
    const refused = await signUpAs(email("stranger")).then(() => null, (err: unknown) => err);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors).toEqual({ email: [INVITE_ONLY_MESSAGE] });
    await expect(signUpAs(invited)).resolves.toMatchObject({ spaceId: expect.any(String) });

    await saveDeploymentSettings(open);
    await expect(signUpAs(email("open"))).resolves.toMatchObject({ spaceId: expect.any(String) });
  });

  it("shows the saved SIP domain and addresses instead of the environment's, and the environment's again once cleared", async () => {
    const env = serverEnv();
    expect(await publicSipParameters()).toEqual({ domain: env.SIP_PUBLIC_DOMAIN, ips: env.SIP_PUBLIC_IPS });
    await saveDeploymentSettings({ ...open, sipPublicDomain: "sip.admin.example.com:5070", sipPublicIps: ["198.51.100.7:5060"] });
    expect(await publicSipParameters()).toEqual({ domain: "sip.admin.example.com:5070", ips: ["198.51.100.7:5060"] });
    await saveDeploymentSettings(open);
    expect(await publicSipParameters()).toEqual({ domain: env.SIP_PUBLIC_DOMAIN, ips: env.SIP_PUBLIC_IPS });
  });

  it("copies the defaults into new Spaces (sign-up and Create a Space) only, and refuses a default above the deployment's limit", async () => {
    const before = await signUpAs(email("before"));
    await saveDeploymentSettings({ ...open, defaultMonthlyMinutesLimit: 300, defaultOutboundCallsPerMinute: 5, defaultOutboundCallsPerDay: 100 });
    const after = await signUpAs(email("after"));
    const created = await createSpace(after.userId, { name: "Second" });
    const limits = { monthlyMinutesLimit: true, outboundCallsPerMinute: true, outboundConcurrentCalls: true, outboundCallsPerDay: true } as const;
    expect(await db().space.findUniqueOrThrow({ where: { id: before.spaceId }, select: limits })).toEqual({ monthlyMinutesLimit: null, outboundCallsPerMinute: null, outboundConcurrentCalls: null, outboundCallsPerDay: null });
    for (const id of [after.spaceId, created.spaceId]) {
      expect(await db().space.findUniqueOrThrow({ where: { id }, select: limits })).toEqual({ monthlyMinutesLimit: 300, outboundCallsPerMinute: 5, outboundConcurrentCalls: null, outboundCallsPerDay: 100 });
    }
    const over = await saveDeploymentSettings({ ...open, defaultOutboundConcurrentCalls: serverEnv().OUTBOUND_CONCURRENT_CALLS + 1 }).then(() => null, (err: unknown) => err);
    expect((over as ValidationError).fieldErrors).toHaveProperty("defaultOutboundConcurrentCalls");
    expect((await readDeploymentSettings()).defaultOutboundConcurrentCalls).toBeNull();
  });
});
