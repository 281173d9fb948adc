import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, parseKeyring } from "@/lib/crypto/credentials";
import { createDbClient, type DbClient } from "@/lib/db/create-client";
import { openSigningSecret, sealSigningSecret } from "@/lib/webhooks/signing-secret";

// Key rotation as an operator does it, with the real command (npm run credentials:reencrypt)
// on a database of its own (migrated from scratch, dropped afterwards), so the stack's
// secrets are never touched: secrets sealed under an old key, a new key appended, the
// command run, the old key removed: every secret still opens, and a second run changes nothing.

const run = promisify(execFile);
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) throw new Error("DATABASE_URL must name the stack's PostgreSQL");
const dbName = `reencrypt_${randomBytes(5).toString("hex")}`;
const url = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
const oldKeys = `old:${randomBytes(32).toString("base64")}`;
const newKey = `new:${randomBytes(32).toString("base64")}`;
let db: DbClient;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The command as an operator runs it; resolves with its exit code and output. */
async function reencrypt(keys: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", "credentials:reencrypt"], { env: { ...process.env, DATABASE_URL: url, CREDENTIALS_KEYS: keys }, timeout: 60_000 });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, out: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

const secrets = { outbound: "carrier-out-pass-1", inbound: "inbound-digest-pass-22", deletedOutbound: "old-account-pass-3", webhook: `whsec_${randomBytes(32).toString("base64")}` };
const ids = { live: randomUUID(), deleted: randomUUID(), endpoint: "" };

beforeAll(async () => {
  await admin(`CREATE DATABASE "${dbName}"`);
  await run(process.execPath, ["scripts/db/migrate.mjs"], { env: { ...process.env, DATABASE_URL: url }, timeout: 60_000 });
  db = createDbClient(url, { maxConnections: 2 });
  const old = parseKeyring(oldKeys);
  const space = await db.space.create({ data: { name: "Rotation" } });
  const account = (id: string, name: string) => ({ id, spaceId: space.id, name, destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] });
  await db.sipAccount.create({
    data: {
      ...account(ids.live, "Live PBX"), liveNameKey: "live pbx", outboundUsername: "out", inboundUsername: "in",
      outboundPasswordEnc: encryptSecret(old, secrets.outbound, { accountId: ids.live, field: "outbound" }),
      inboundPasswordEnc: encryptSecret(old, secrets.inbound, { accountId: ids.live, field: "inbound" }),
    },
  });
  await db.sipAccount.create({ data: { ...account(ids.deleted, "Gone PBX"), deletedAt: new Date(), outboundUsername: "out", outboundPasswordEnc: encryptSecret(old, secrets.deletedOutbound, { accountId: ids.deleted, field: "outbound" }) } });
  ids.endpoint = randomUUID();
  await db.webhookEndpoint.create({ data: { id: ids.endpoint, spaceId: space.id, url: "https://hooks.example.com/x", events: [], secretEnc: sealSigningSecret(old, ids.endpoint, secrets.webhook) } });
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
});

describe("npm run credentials:reencrypt", () => {
  it("re-encrypts every stored secret under the newest key; with the old key removed they all still open; a second run changes nothing", async () => {
    const before = await db.sipAccount.findUniqueOrThrow({ where: { id: ids.live } });

    const first = await reencrypt(`${oldKeys},${newKey}`);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain('SIP passwords: 3 re-encrypted, 0 already under "new", 0 unreadable');
    expect(first.out).toContain('webhook signing secrets: 1 re-encrypted, 0 already under "new", 0 unreadable');

    const onlyNew = parseKeyring(newKey);
    const live = await db.sipAccount.findUniqueOrThrow({ where: { id: ids.live } });
    const deleted = await db.sipAccount.findUniqueOrThrow({ where: { id: ids.deleted } });
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ids.endpoint } });
    expect(decryptSecret(onlyNew, live.outboundPasswordEnc!, { accountId: ids.live, field: "outbound" })).toBe(secrets.outbound);
    expect(decryptSecret(onlyNew, live.inboundPasswordEnc!, { accountId: ids.live, field: "inbound" })).toBe(secrets.inbound);
    expect(decryptSecret(onlyNew, deleted.outboundPasswordEnc!, { accountId: ids.deleted, field: "outbound" })).toBe(secrets.deletedOutbound);
    expect(openSigningSecret(onlyNew, ids.endpoint, endpoint.secretEnc)).toBe(secrets.webhook);
    // The console shows updatedAt: rotating keys is not an edit.
    expect(live.updatedAt).toEqual(before.updatedAt);

    const second = await reencrypt(newKey);
    expect(second.code, second.out).toBe(0);
    expect(second.out).toContain('SIP passwords: 0 re-encrypted, 3 already under "new", 0 unreadable');
    expect(second.out).toContain('webhook signing secrets: 0 re-encrypted, 1 already under "new", 0 unreadable');
    expect((await db.sipAccount.findUniqueOrThrow({ where: { id: ids.live } })).outboundPasswordEnc).toBe(live.outboundPasswordEnc);
  });

  it("exits 1 naming the unreadable secrets when a key in use is missing, and changes nothing", async () => {
    const other = `other:${randomBytes(32).toString("base64")}`;
    const stored = (await db.sipAccount.findUniqueOrThrow({ where: { id: ids.live } })).outboundPasswordEnc;
    const result = await reencrypt(other);
    expect(result.code).toBe(1);
    expect(result.out).toContain('SIP passwords: 0 re-encrypted, 0 already under "other", 3 unreadable');
    expect(result.out).toContain(`sip_accounts.outbound_password_enc of ${ids.live} cannot be read (unknown-key)`);
    expect(result.out).toContain("add their keys back to CREDENTIALS_KEYS");
    expect(result.out).not.toContain(secrets.outbound);
    expect((await db.sipAccount.findUniqueOrThrow({ where: { id: ids.live } })).outboundPasswordEnc).toBe(stored);
  });
});
