// npm run credentials:reencrypt: re-encrypts every stored secret with the newest key of
// CREDENTIALS_KEYS (lib/crypto/reencrypt-stored-secrets.ts) and prints the counts. Rotate a
// key by appending the new one to CREDENTIALS_KEYS (newest last), restarting the console and
// the dispatcher, running this, then removing the old key. Safe to run again at any time.
//
//   DATABASE_URL=... CREDENTIALS_KEYS=old:...,new:... npm run credentials:reencrypt
//
// Exits 1 when a secret cannot be read (its key is not listed): nothing else is wrong, so
// add that key back and run again.
import { parseKeyring } from "@/lib/crypto/credentials";
import { formatReencryptReport, reencryptStoredSecrets } from "@/lib/crypto/reencrypt-stored-secrets";
import { createDbClient } from "@/lib/db/create-client";

const url = process.env.DATABASE_URL?.trim();
if (!url) {
  console.error("DATABASE_URL is not set: the console's PostgreSQL holds the secrets to re-encrypt.");
  process.exit(2);
}
let keyring;
try {
  keyring = parseKeyring(process.env.CREDENTIALS_KEYS);
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const db = createDbClient(url, { maxConnections: 2 });
try {
  const report = await reencryptStoredSecrets(db, keyring);
  console.log(formatReencryptReport(report));
  const unreadable = report.sipPasswords.unreadable + report.webhookSecrets.unreadable;
  if (unreadable > 0) {
    console.error(`${unreadable} secret(s) could not be read: add their keys back to CREDENTIALS_KEYS and run again before removing any key.`);
    process.exitCode = 1;
  }
} finally {
  await db.$disconnect();
}
