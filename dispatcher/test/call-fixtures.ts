import { randomInt, randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { placeCall } from "@/lib/calls/place-call";
import { bindPhoneNumber } from "@/lib/phone-numbers/bind-phone-number";
import { createSipAccount } from "@/lib/sip-accounts/create-sip-account";
import { sipAccountSchemas } from "@/lib/sip-accounts/server-schemas";
import type { SpaceContext } from "@/lib/spaces/context";
import type { PlaceCallInput } from "@/lib/calls/schemas";
import type { CallStatusName } from "@/lib/calls/status";

// A Space with a Custom SIP account whose SIP server is a PBX on 127.0.0.1:`pbxPort`, one
// bound number, and helpers to place calls from it and read them back, for the dispatcher's
// integration tests (the services are the console's own).

export type CallSpace = {
  ctx: SpaceContext;
  accountId: string;
  from: string;
  place: (to?: string, extra?: Partial<PlaceCallInput>) => Promise<string>;
};

/** A fresh Space with its owner, acting as that owner (the context the services take). */
export async function ownerSpace(label: string): Promise<SpaceContext> {
  const user = await db().user.create({ data: { email: `${label.toLowerCase()}-${randomUUID()}@int.switchboard.test`, name: label, passwordHash: "x" } });
  const space = await db().space.create({ data: { name: label, memberships: { create: { userId: user.id, role: "OWNER" } } } });
  return { userId: user.id, spaceId: space.id, role: "OWNER" };
}

export async function callSpace(pbxPort: number, limits: { maxConcurrentCalls?: number; callsPerSecond?: number } = {}): Promise<CallSpace> {
  const ctx = await ownerSpace("Dispatch");
  const input = sipAccountSchemas().createSipAccountInput.parse({
    accountName: `PBX ${pbxPort}`, sipServerAddress: `127.0.0.1:${pbxPort}`, sipTransport: "udp", destinationCountry: "US", allowedInboundIps: "127.0.0.1",
    outboundUsername: "", outboundPassword: "", inboundUsername: "", inboundPassword: "",
  });
  const created = await createSipAccount(ctx, input);
  if (created.provisioningFailed) throw new Error("the test account was not provisioned in LiveKit");
  const accountId = created.account.id;
  await db().sipAccount.update({ where: { id: accountId }, data: { maxConcurrentCalls: limits.maxConcurrentCalls ?? null, callsPerSecond: limits.callsPerSecond ?? null } });
  const from = `+1415${randomInt(2_000_000, 9_999_999)}`;
  await bindPhoneNumber(ctx, { accountId, number: from, label: null, inboundAgentId: null, outboundAgentId: null });
  const place = async (to = `+1555${randomInt(1_000_000, 9_999_999)}`, extra: Partial<PlaceCallInput> = {}) => (await placeCall(ctx, { from, to, agentId: null, ...extra })).id;
  return { ctx, accountId, from, place };
}

export const FINAL: CallStatusName[] = ["completed", "failed", "busy", "no_answer", "cancelled"];

export async function callRow(id: string) {
  return db().call.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: [{ at: "asc" }, { id: "asc" }] } } });
}

/** Polls until `check` holds (bounded), returning its last value. */
export async function until<T>(read: () => Promise<T>, check: (v: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let v = await read();
  while (!check(v)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(v, null, 0).slice(0, 1500)}`);
    await new Promise((r) => setTimeout(r, 200));
    v = await read();
  }
  return v;
}

export const dispatcherEnv = () => ({ DATABASE_URL: process.env.DATABASE_URL, LIVEKIT_URL: process.env.LIVEKIT_URL, LIVEKIT_API_KEY: process.env.LIVEKIT_API_KEY, LIVEKIT_API_SECRET: process.env.LIVEKIT_API_SECRET });
