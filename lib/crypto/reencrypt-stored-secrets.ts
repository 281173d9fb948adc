import { Prisma } from "@/lib/db/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import { CredentialDecryptError, needsReencryption, reencryptSecret, type Keyring, type SecretContext } from "./credentials";

// Key rotation: every secret stored under CREDENTIALS_KEYS (SIP passwords, inbound and
// outbound, of live and deleted accounts; webhook signing secrets) re-encrypted under the
// newest key, so older keys can then be removed. Safe to run twice (values already under the
// newest key are left alone) and while the console runs: each value is replaced only if it
// is still the one read, so a password changed meanwhile (written under the newest key
// anyway) is never overwritten. Rows are rewritten with SQL so updated_at, which the console
// shows, does not move. Nothing here logs a secret: only row ids and counts.

export type SecretCounts = { reencrypted: number; current: number; unreadable: number };
export type ReencryptReport = { newestKeyId: string; sipPasswords: SecretCounts; webhookSecrets: SecretCounts };

type Column = { table: "sip_accounts" | "agent_sip_registrations" | "webhook_endpoints"; column: "outbound_password_enc" | "inbound_password_enc" | "password_enc" | "secret_enc" };

const PAGE = 500;

async function one(db: DbClient, keyring: Keyring, counts: SecretCounts, where: Column, id: string, stored: string, context: SecretContext, log: (line: string) => void): Promise<void> {
  try {
    if (!needsReencryption(keyring, stored)) return void counts.current++;
    const fresh = reencryptSecret(keyring, stored, context);
    const changed = await db.$executeRaw`UPDATE ${Prisma.raw(`"${where.table}"`)} SET ${Prisma.raw(`"${where.column}"`)} = ${fresh} WHERE id = ${id} AND ${Prisma.raw(`"${where.column}"`)} = ${stored}`;
    // 0: changed since it was read, by a write that used the newest key.
    if (changed === 1) counts.reencrypted++;
    else counts.current++;
  } catch (err) {
    if (!(err instanceof CredentialDecryptError)) throw err;
    counts.unreadable++;
    log(`${where.table}.${where.column} of ${id} cannot be read (${err.reason}): ${err.message}`);
  }
}

export async function reencryptStoredSecrets(db: DbClient, keyring: Keyring, log: (line: string) => void = console.error): Promise<ReencryptReport> {
  const sipPasswords: SecretCounts = { reencrypted: 0, current: 0, unreadable: 0 };
  const webhookSecrets: SecretCounts = { reencrypted: 0, current: 0, unreadable: 0 };

  for (let cursor: string | undefined; ; ) {
    const rows = await db.sipAccount.findMany({
      select: { id: true, outboundPasswordEnc: true, inboundPasswordEnc: true },
      where: { OR: [{ outboundPasswordEnc: { not: null } }, { inboundPasswordEnc: { not: null } }] },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const row of rows) {
      if (row.outboundPasswordEnc) await one(db, keyring, sipPasswords, { table: "sip_accounts", column: "outbound_password_enc" }, row.id, row.outboundPasswordEnc, { accountId: row.id, field: "outbound" }, log);
      if (row.inboundPasswordEnc) await one(db, keyring, sipPasswords, { table: "sip_accounts", column: "inbound_password_enc" }, row.id, row.inboundPasswordEnc, { accountId: row.id, field: "inbound" }, log);
    }
    if (rows.length < PAGE) break;
    cursor = rows[rows.length - 1]!.id;
  }

  // Agents' SIP registration passwords count as SIP passwords (context: registration-service.ts).
  for (let cursor: string | undefined; ; ) {
    const rows = await db.agentSipRegistration.findMany({ select: { id: true, passwordEnc: true }, orderBy: { id: "asc" }, take: PAGE, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
    for (const row of rows) {
      await one(db, keyring, sipPasswords, { table: "agent_sip_registrations", column: "password_enc" }, row.id, row.passwordEnc, { accountId: row.id, field: "registration" }, log);
    }
    if (rows.length < PAGE) break;
    cursor = rows[rows.length - 1]!.id;
  }

  for (let cursor: string | undefined; ; ) {
    const rows = await db.webhookEndpoint.findMany({ select: { id: true, secretEnc: true }, orderBy: { id: "asc" }, take: PAGE, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
    for (const row of rows) {
      // The context of lib/webhooks/signing-secret.ts (which is server-only).
      await one(db, keyring, webhookSecrets, { table: "webhook_endpoints", column: "secret_enc" }, row.id, row.secretEnc, { accountId: row.id, field: "webhook-secret" }, log);
    }
    if (rows.length < PAGE) break;
    cursor = rows[rows.length - 1]!.id;
  }
  return { newestKeyId: keyring.newestKeyId, sipPasswords, webhookSecrets };
}

export function formatReencryptReport(r: ReencryptReport): string {
  const line = (what: string, c: SecretCounts) => `  ${what}: ${c.reencrypted} re-encrypted, ${c.current} already under "${r.newestKeyId}", ${c.unreadable} unreadable`;
  return [`Re-encrypted stored secrets with the newest key of CREDENTIALS_KEYS, "${r.newestKeyId}":`, line("SIP passwords", r.sipPasswords), line("webhook signing secrets", r.webhookSecrets)].join("\n");
}
