import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { createKey } from "../api-access";
import { bindViaApi, createAccountViaApi, createAgentViaApi, randomNumber } from "../phone-numbers";
import { spareMember } from "../spare-member";

// The REST API as the route files define it, walked at test time, and what each operation
// expects. The cross-Space matrix, the mass-assignment and the canary specs are generated
// from the walk: a route file without an entry here fails them.

export type RouteOp = { method: string; route: string };

/** Every exported HTTP method of every route.ts under app/api/v1 (route in Next.js spelling: /spaces/[spaceId]/...). */
export function routeOperations(root = path.join(process.cwd(), "app", "api", "v1")): RouteOp[] {
  const out: RouteOp[] = [];
  const visit = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full, /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
        const source = fs.readFileSync(full, "utf8");
        for (const m of source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) {
          out.push({ method: m[1]!, route: `/${segments.join("/")}` });
        }
      }
    }
  };
  visit(root, []);
  return out.sort((a, b) => `${a.route} ${a.method}`.localeCompare(`${b.route} ${b.method}`));
}

export const opKey = (op: RouteOp) => `${op.method} ${op.route}`;

export type Ids = {
  spaceId: string;
  accountId: string;
  numberId: string;
  agentId: string;
  keyId: string;
  callId: string;
  batchId: string;
  endpointId: string;
  deliveryId: string;
  /** A round-trip self-test of the fixture account. */
  testId: string;
  /** The fixture number in E.164, the caller ID of placed calls. */
  fromNumber: string;
  /** A number in E.164 as the BYOC API names it (the fixture number unless a test makes a fresh one). */
  phoneNumber: string;
  /** The owner's own user id: setting its role to OWNER changes nothing, so every caller may try. */
  userId: string;
};

export type Expectation = {
  /**
   * public: anyone; member: any member or key of the Space; admin: owners and admins; owner: owners and owner keys;
   * admin-session: owners and admins signed in, not keys; owner-session: owners signed in,
   * not keys (no admin caller here, so the matrix treats it as admin-session); key / admin-key: any key / owner
   * and admin keys of the Space, never a session (the BYOC API, whose URLs name no Space).
   */
  access: "public" | "member" | "admin" | "admin-session" | "owner" | "owner-session" | "key" | "admin-key";
  /** What another Space's owner key gets, when the URL names no Space (it acts in its own): 404 unless said. */
  otherSpaceKey?: number;
  /** The status an allowed caller gets. */
  ok: number;
  body?: (ids: Ids) => Record<string, unknown>;
  /** A throwaway resource (made with the owner's session) for operations that destroy theirs. */
  fresh?: (owner: APIRequestContext, ids: Ids) => Promise<Partial<Ids>>;
};

const tag = () => Math.random().toString(36).slice(2, 8);
const octet = () => 1 + Math.floor(Math.random() * 254);
/** A public unicast IPv4 address (81/8 is RIPE's) that no other test is likely to hold. */
const randomPublicAddress = () => `81.${octet()}.${octet()}.${octet()}`;
const accountBody = () => ({ accountName: `Table PBX ${tag()}`, sipServerAddress: "pbx.example.com", sipTransport: "udp", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] });
export const batchBody = (from: string) => ({ from, scheduledAt: new Date(Date.now() + 3_600_000).toISOString(), destinations: [{ to: randomNumber() }, { to: randomNumber(), variables: { name: "Table" } }] });
const byocBody = () => ({ phoneNumber: randomNumber(), terminationUri: "pbx.example.com;transport=udp", sipUsername: "table", sipPassword: `pw-${tag()}-${tag()}` });
// Nothing listens on port 9 (discard): the fixture endpoint's deliveries fail and back off quietly.
const webhookBody = () => ({ url: `http://127.0.0.1:9/hooks/${tag()}`, events: ["batch.completed"] });
// Nothing answers REGISTERs on port 9 (discard): the registration fails quietly and backs off.
const registrationBody = () => ({ domain: "127.0.0.1", port: 9, username: `t${tag()}`, password: `pw-${tag()}` });
/** A fresh account with one bound number: what a self-test calls. */
async function accountWithNumber(owner: APIRequestContext, ids: Ids): Promise<Partial<Ids>> {
  const accountId = await createAccountViaApi(owner, ids.spaceId, `Self-test PBX ${tag()}`);
  await bindViaApi(owner, ids.spaceId, accountId, randomNumber());
  return { accountId };
}
/** An agent with a SIP registration, for the operations that need one to read or remove. */
async function registeredAgent(owner: APIRequestContext, ids: Ids): Promise<Partial<Ids>> {
  const agentId = await createAgentViaApi(owner, ids.spaceId, `Registered agent ${tag()}`);
  const saved = await owner.put(`/api/v1/spaces/${ids.spaceId}/agents/${agentId}/sip-registration`, { data: registrationBody() });
  if (saved.status() !== 200) throw new Error(`registration fixture: ${saved.status()} ${await saved.text()}`);
  return { agentId };
}
const agentBody = () => ({ name: `Table agent ${tag()}`, greeting: "Hello from the table.", instructions: "Be brief." });

export const expectations: Record<string, Expectation> = {
  "GET /openapi.json": { access: "public", ok: 200 },

  "GET /spaces/[spaceId]/sip-accounts": { access: "member", ok: 200 },
  "POST /spaces/[spaceId]/sip-accounts": { access: "admin", ok: 201, body: accountBody },
  "GET /spaces/[spaceId]/sip-accounts/[accountId]": { access: "member", ok: 200 },
  "PATCH /spaces/[spaceId]/sip-accounts/[accountId]": { access: "admin", ok: 200, body: () => ({ destinationCountry: "GB" }) },
  "DELETE /spaces/[spaceId]/sip-accounts/[accountId]": { access: "admin", ok: 204, fresh: async (o, ids) => ({ accountId: await createAccountViaApi(o, ids.spaceId, `Doomed ${tag()}`) }) },
  "POST /spaces/[spaceId]/sip-accounts/[accountId]/verify": { access: "member", ok: 200 },
  "GET /spaces/[spaceId]/sip-accounts/[accountId]/verify-runs": { access: "member", ok: 200 },
  "POST /spaces/[spaceId]/sip-accounts/[accountId]/reprovision": { access: "admin", ok: 200 },
  "GET /spaces/[spaceId]/sip-accounts/[accountId]/host-ownership": { access: "member", ok: 200 },
  "GET /spaces/[spaceId]/sip-accounts/[accountId]/self-tests": { access: "member", ok: 200 },
  "GET /spaces/[spaceId]/sip-accounts/[accountId]/self-tests/[testId]": { access: "member", ok: 200 },
  // One running test per account: each caller starts its own on a fresh account with a number.
  "POST /spaces/[spaceId]/sip-accounts/[accountId]/self-tests": { access: "admin", ok: 202, body: () => ({}), fresh: accountWithNumber },
  // A public address of its own per call: an address another Space approved cannot be approved again.
  "POST /spaces/[spaceId]/sip-accounts/[accountId]/host-ownership": { access: "owner", ok: 200, fresh: async (o, ids) => ({ accountId: await createAccountViaApi(o, ids.spaceId, `Approved ${tag()}`, randomPublicAddress()) }) },
  "POST /spaces/[spaceId]/sip-accounts/refresh-all": { access: "admin", ok: 200 },

  "GET /spaces/[spaceId]/phone-numbers": { access: "member", ok: 200 },
  "POST /spaces/[spaceId]/phone-numbers": { access: "admin", ok: 201, body: (ids) => ({ accountId: ids.accountId, number: randomNumber() }) },
  "GET /spaces/[spaceId]/phone-numbers/[numberId]": { access: "member", ok: 200 },
  "PATCH /spaces/[spaceId]/phone-numbers/[numberId]": { access: "admin", ok: 200, body: () => ({ label: `Line ${tag()}` }) },
  "DELETE /spaces/[spaceId]/phone-numbers/[numberId]": { access: "admin", ok: 204, fresh: async (o, ids) => ({ numberId: (await bindViaApi(o, ids.spaceId, ids.accountId, randomNumber())).id }) },
  "POST /spaces/[spaceId]/phone-numbers/[numberId]/refresh": { access: "admin", ok: 200 },

  "GET /spaces/[spaceId]/agents": { access: "member", ok: 200 },
  "POST /spaces/[spaceId]/agents": { access: "admin", ok: 201, body: agentBody },
  "GET /spaces/[spaceId]/agents/[agentId]": { access: "member", ok: 200 },
  "PATCH /spaces/[spaceId]/agents/[agentId]": { access: "admin", ok: 200, body: () => ({ greeting: `Hello again ${tag()}.` }) },
  "DELETE /spaces/[spaceId]/agents/[agentId]": { access: "admin", ok: 204, fresh: async (o, ids) => ({ agentId: await createAgentViaApi(o, ids.spaceId, `Doomed agent ${tag()}`) }) },
  "GET /spaces/[spaceId]/agents/[agentId]/sip-registration": { access: "member", ok: 200, fresh: registeredAgent },
  "PUT /spaces/[spaceId]/agents/[agentId]/sip-registration": { access: "admin", ok: 200, body: registrationBody },
  "DELETE /spaces/[spaceId]/agents/[agentId]/sip-registration": { access: "admin", ok: 202, fresh: registeredAgent },

  "GET /spaces/[spaceId]/api-keys": { access: "member", ok: 200 },
  "POST /spaces/[spaceId]/api-keys": { access: "admin-session", ok: 201, body: () => ({ name: `Table key ${tag()}`, role: "MEMBER" }) },
  "DELETE /spaces/[spaceId]/api-keys/[keyId]": { access: "admin", ok: 204, fresh: async (o, ids) => ({ keyId: (await createKey(o, ids.spaceId, "MEMBER", `Doomed key ${tag()}`)).id }) },

  "GET /spaces/[spaceId]/members": { access: "member", ok: 200 },
  "PATCH /spaces/[spaceId]/members/[userId]": { access: "owner-session", ok: 200, body: () => ({ role: "OWNER" }) },
  "DELETE /spaces/[spaceId]/members/[userId]": { access: "owner-session", ok: 204, fresh: async (_o, ids) => ({ userId: await spareMember(ids.spaceId) }) },

  // The fixture account dials pbx.example.com, which does not resolve here: calls are queued
  // (201) and fail in the background, which is all these tests need.
  "GET /spaces/[spaceId]/calls": { access: "member", ok: 200 },
  "POST /spaces/[spaceId]/calls": { access: "admin", ok: 201, body: (ids) => ({ from: ids.fromNumber, to: randomNumber() }) },
  "GET /spaces/[spaceId]/calls/[callId]": { access: "member", ok: 200 },
  "GET /spaces/[spaceId]/calls/[callId]/transcript": { access: "member", ok: 200 },
  "GET /spaces/[spaceId]/transcript-retention": { access: "member", ok: 200 },
  "PATCH /spaces/[spaceId]/transcript-retention": { access: "admin", ok: 200, body: () => ({ days: 30 }) },
  "GET /spaces/[spaceId]/refused-calls": { access: "member", ok: 200 },
  "GET /spaces/[spaceId]/usage": { access: "member", ok: 200 },
  // Scheduled an hour ahead, so it is still queued (cancellable) when the test cancels it.
  "POST /spaces/[spaceId]/calls/[callId]/cancel": { access: "admin", ok: 200, fresh: async (o, ids) => ({ callId: await scheduledCall(o, ids) }) },

  // Batches are scheduled an hour ahead: nothing dials while the table runs. Cancelling the
  // fixture batch again answers 200, so every allowed caller can cancel it.
  "POST /spaces/[spaceId]/calls/batch": { access: "admin", ok: 201, body: (ids) => batchBody(ids.fromNumber) },
  "GET /spaces/[spaceId]/batches": { access: "member", ok: 200 },
  "GET /spaces/[spaceId]/batches/[batchId]": { access: "member", ok: 200 },
  "POST /spaces/[spaceId]/batches/[batchId]/cancel": { access: "admin", ok: 200 },

  "GET /spaces/[spaceId]/outbound-caps": { access: "member", ok: 200 },
  "PATCH /spaces/[spaceId]/outbound-caps": { access: "admin", ok: 200, body: () => ({ callsPerDay: null }) },

  "GET /spaces/[spaceId]/webhooks": { access: "member", ok: 200 },
  "POST /spaces/[spaceId]/webhooks": { access: "admin", ok: 201, body: webhookBody },
  "GET /spaces/[spaceId]/webhooks/[endpointId]": { access: "member", ok: 200 },
  "PATCH /spaces/[spaceId]/webhooks/[endpointId]": { access: "admin", ok: 200, body: () => ({ description: `Hook ${tag()}` }) },
  "DELETE /spaces/[spaceId]/webhooks/[endpointId]": { access: "admin", ok: 204, fresh: async (o, ids) => ({ endpointId: await webhookEndpoint(o, ids.spaceId) }) },
  "POST /spaces/[spaceId]/webhooks/[endpointId]/rotate-secret": { access: "admin", ok: 200 },
  "POST /spaces/[spaceId]/webhooks/[endpointId]/test": { access: "admin", ok: 202 },
  "GET /spaces/[spaceId]/webhooks/[endpointId]/deliveries": { access: "member", ok: 200 },
  "POST /spaces/[spaceId]/webhooks/[endpointId]/deliveries/[deliveryId]/redeliver": { access: "admin", ok: 202 },

  // The BYOC API: the Space is the key's. Another Space's key lists and creates in its own
  // Space, and finds none of this one's numbers.
  "GET /byoc/phone-numbers": { access: "key", ok: 200, otherSpaceKey: 200 },
  "POST /byoc/phone-numbers": { access: "admin-key", ok: 201, otherSpaceKey: 201, body: byocBody },
  "GET /byoc/phone-numbers/[phoneNumber]": { access: "key", ok: 200 },
  "PUT /byoc/phone-numbers/[phoneNumber]": { access: "admin-key", ok: 200, body: () => ({ friendlyName: `Line ${tag()}` }) },
  "DELETE /byoc/phone-numbers/[phoneNumber]": { access: "admin-key", ok: 204, fresh: async (o, ids) => ({ phoneNumber: (await bindViaApi(o, ids.spaceId, ids.accountId, randomNumber())).number }) },
  "POST /byoc/trunks/refresh": { access: "admin-key", ok: 200, body: (ids) => ({ phoneNumber: ids.phoneNumber }) },
  "POST /byoc/trunks/refresh-all": { access: "admin-key", ok: 200, otherSpaceKey: 200 },
};

/** Whether an operation takes a session only (no API key). */
export const sessionOnly = (e: Expectation) => e.access === "admin-session" || e.access === "owner-session";

/** Whether an operation takes API keys only (no session). */
export const keyOnly = (e: Expectation) => e.access === "key" || e.access === "admin-key";

async function webhookEndpoint(owner: APIRequestContext, spaceId: string): Promise<string> {
  const made = await owner.post(`/api/v1/spaces/${spaceId}/webhooks`, { data: webhookBody() });
  if (made.status() !== 201) throw new Error(`creating a webhook endpoint: ${made.status()} ${await made.text()}`);
  return (await made.json()).endpoint.id as string;
}

async function scheduledCall(owner: APIRequestContext, ids: Ids): Promise<string> {
  const at = new Date(Date.now() + 3600_000).toISOString();
  const placed = await owner.post(`/api/v1/spaces/${ids.spaceId}/calls`, { data: { from: ids.fromNumber, to: randomNumber(), scheduledAt: at } });
  if (placed.status() !== 201) throw new Error(`placing a scheduled call: ${placed.status()} ${await placed.text()}`);
  return (await placed.json()).id as string;
}

/** The account, number (with an inbound agent), agent, member-role key, call, batch, webhook endpoint and delivery every operation can name. */
export async function makeFixture(owner: APIRequestContext, spaceId: string, accountId?: string): Promise<Ids> {
  const account = accountId ?? (await createAccountViaApi(owner, spaceId, `Fixture PBX ${tag()}`));
  const agentId = await createAgentViaApi(owner, spaceId, `Fixture agent ${tag()}`);
  const number = await bindViaApi(owner, spaceId, account, randomNumber(), { inboundAgentId: agentId, label: "Fixture line" });
  const key = await createKey(owner, spaceId, "MEMBER", `Fixture key ${tag()}`);
  const placed = await owner.post(`/api/v1/spaces/${spaceId}/calls`, { data: { from: number.number, to: randomNumber() } });
  if (placed.status() !== 201) throw new Error(`placing the fixture call: ${placed.status()} ${await placed.text()}`);
  const callId = (await placed.json()).id as string;
  const batch = await owner.post(`/api/v1/spaces/${spaceId}/calls/batch`, { data: batchBody(number.number) });
  if (batch.status() !== 201) throw new Error(`starting the fixture batch: ${batch.status()} ${await batch.text()}`);
  const batchId = (await batch.json()).id as string;
  const endpointId = await webhookEndpoint(owner, spaceId);
  const test = await owner.post(`/api/v1/spaces/${spaceId}/webhooks/${endpointId}/test`);
  if (test.status() !== 202) throw new Error(`sending the fixture test event: ${test.status()} ${await test.text()}`);
  const deliveryId = (await test.json()).id as string;
  const selfTest = await owner.post(`/api/v1/spaces/${spaceId}/sip-accounts/${account}/self-tests`, { data: {} });
  if (selfTest.status() !== 202) throw new Error(`starting the fixture self-test: ${selfTest.status()} ${await selfTest.text()}`);
  const testId = (await selfTest.json()).id as string;
  const members = (await (await owner.get(`/api/v1/spaces/${spaceId}/members`)).json()) as { items: { userId: string; role: string }[] };
  const userId = members.items.find((m) => m.role === "OWNER")!.userId;
  return { userId, spaceId, accountId: account, numberId: number.id, agentId, keyId: key.id, callId, batchId, endpointId, deliveryId, testId, fromNumber: number.number, phoneNumber: number.number };
}

export function urlOf(route: string, ids: Ids): string {
  return `/api/v1${route.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = ids[name as keyof Ids];
    if (!value) throw new Error(`No id for [${name}] in ${route}`);
    return value;
  })}`;
}

export async function call(client: APIRequestContext, method: string, url: string, data?: unknown, headers?: Record<string, string>) {
  return client.fetch(url, { method, ...(data === undefined ? {} : { data }), headers, failOnStatusCode: false });
}
