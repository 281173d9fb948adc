import "server-only";
import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from "node:crypto";

// SIP passwords at rest: AES-256-GCM under a keyring from CREDENTIALS_KEYS.
//
// Stored form: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts). The key id travels
// with the value so keys can rotate: the newest key encrypts, every listed key decrypts,
// and `needsReencryption` finds the rows still under an older key.
//
// The account id and the field name are bound as additional authenticated data, so a value
// copied into another account's row, or from the inbound to the outbound password of the
// same account, fails to decrypt instead of quietly authenticating someone else's trunk.
// Nothing here ever puts key material or plaintext into an error message.

const VERSION = "v1";
const IV_BYTES = 12; // the GCM standard nonce size; random per encryption
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Keys by id; the last one listed is the newest and encrypts. Key bytes stay inside KeyObjects. */
export class Keyring {
  readonly #keys: ReadonlyMap<string, KeyObject>;
  readonly newestKeyId: string;

  constructor(keys: ReadonlyMap<string, KeyObject>, newestKeyId: string) {
    this.#keys = keys;
    this.newestKeyId = newestKeyId;
  }

  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  key(id: string): KeyObject | undefined {
    return this.#keys.get(id);
  }

  toJSON(): { keyIds: string[]; newestKeyId: string } {
    return { keyIds: this.keyIds, newestKeyId: this.newestKeyId };
  }
}

/** Why a stored credential could not be read; `reason` lets callers log or count without parsing text. */
export class CredentialDecryptError extends Error {
  constructor(
    readonly reason: "malformed" | "unknown-key" | "authentication-failed",
    message: string,
  ) {
    super(message);
    this.name = "CredentialDecryptError";
  }
}

export interface SecretContext {
  /** The row the secret belongs to. */
  accountId: string;
  /** Which secret of the row, e.g. "outbound" or "inbound". */
  field: string;
}

/**
 * Parses `id:<base64 of 32 bytes>,id2:<...>`; the last entry is the newest. Throws a message
 * naming the entry (by position and id, never by value) when anything is off.
 */
export function parseKeyring(raw: string | undefined): Keyring {
  const text = raw?.trim() ?? "";
  if (text === "") {
    throw new Error(
      "CREDENTIALS_KEYS is not set. Set it to `<id>:<base64 of 32 random bytes>`, for example " +
        "k2025:$(openssl rand -base64 32); list older keys first and the newest last.",
    );
  }
  const keys = new Map<string, KeyObject>();
  let newest = "";
  text.split(",").forEach((entry, index) => {
    const where = `CREDENTIALS_KEYS entry ${index + 1}`;
    const trimmed = entry.trim();
    if (trimmed === "") throw new Error(`${where} is empty; check for a stray comma.`);
    const colon = trimmed.indexOf(":");
    if (colon === -1) throw new Error(`${where} must look like <id>:<base64 key>.`);
    const id = trimmed.slice(0, colon);
    const material = trimmed.slice(colon + 1);
    if (!KEY_ID.test(id)) {
      throw new Error(`${where} has an invalid id; use 1-32 letters, digits, "_" or "-".`);
    }
    if (keys.has(id)) throw new Error(`${where}: key id "${id}" is listed twice.`);
    if (!BASE64.test(material) || material === "") {
      throw new Error(`${where} (id "${id}") is not valid base64.`);
    }
    const bytes = Buffer.from(material, "base64");
    if (bytes.length !== KEY_BYTES) {
      throw new Error(`${where} (id "${id}") decodes to ${bytes.length} bytes; AES-256 needs exactly ${KEY_BYTES}.`);
    }
    if (bytes.every((b) => b === 0)) {
      throw new Error(`${where} (id "${id}") is all zeros, a placeholder rather than a key; generate a random one.`);
    }
    keys.set(id, createSecretKey(bytes));
    bytes.fill(0);
    newest = id;
  });
  return new Keyring(keys, newest);
}

/** A fresh key for CREDENTIALS_KEYS (base64 of 32 random bytes), for scripts and docs. */
export function generateKey(): string {
  return randomBytes(KEY_BYTES).toString("base64");
}

// JSON of a fixed-shape array: unambiguous whatever characters the ids contain.
function aad(keyId: string, context: SecretContext): Buffer {
  if (context.accountId === "" || context.field === "") {
    throw new Error("accountId and field are required to bind a secret to its row.");
  }
  return Buffer.from(JSON.stringify([VERSION, keyId, context.accountId, context.field]), "utf8");
}

export function encryptSecret(keyring: Keyring, plaintext: string, context: SecretContext): string {
  // A lone UTF-16 surrogate would be replaced by U+FFFD on encoding and come back different.
  if (!plaintext.isWellFormed()) throw new Error("The secret contains an unpaired surrogate and cannot be stored as UTF-8.");
  const keyId = keyring.newestKeyId;
  const key = keyring.key(keyId);
  if (!key) throw new Error("The keyring has no newest key."); // unreachable after parseKeyring
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(keyId, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, keyId, iv.toString("base64url"), ciphertext.toString("base64url"), tag.toString("base64url")].join(".");
}

interface StoredParts {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

function parseStored(stored: string): StoredParts {
  const malformed = (why: string) =>
    new CredentialDecryptError("malformed", `Stored credential is malformed (${why}).`);
  const parts = stored.split(".");
  if (parts.length !== 5) throw malformed("expected 5 dot-separated parts");
  const [version = "", keyId = "", iv = "", ciphertext = "", tag = ""] = parts;
  if (version !== VERSION) throw malformed(`unknown format version "${version.slice(0, 8)}"`);
  if (!KEY_ID.test(keyId)) throw malformed("invalid key id");
  if (![iv, ciphertext, tag].every((p) => BASE64URL.test(p))) throw malformed("a part is not base64url");
  const decoded = {
    keyId,
    iv: Buffer.from(iv, "base64url"),
    ciphertext: Buffer.from(ciphertext, "base64url"),
    tag: Buffer.from(tag, "base64url"),
  };
  // Re-encoding must give back the same text: no alternative spellings of one value.
  if (decoded.iv.toString("base64url") !== iv || decoded.ciphertext.toString("base64url") !== ciphertext || decoded.tag.toString("base64url") !== tag) {
    throw malformed("a part is not canonical base64url");
  }
  if (decoded.iv.length !== IV_BYTES) throw malformed("wrong nonce length");
  if (decoded.tag.length !== TAG_BYTES) throw malformed("wrong tag length");
  return decoded;
}

export function decryptSecret(keyring: Keyring, stored: string, context: SecretContext): string {
  const parts = parseStored(stored);
  const key = keyring.key(parts.keyId);
  if (!key) {
    throw new CredentialDecryptError(
      "unknown-key",
      `Stored credential was encrypted with key "${parts.keyId}", which is not in CREDENTIALS_KEYS ` +
        `(known: ${keyring.keyIds.join(", ")}). Add that key back to decrypt it.`,
    );
  }
  const decipher = createDecipheriv("aes-256-gcm", key, parts.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad(parts.keyId, context));
  decipher.setAuthTag(parts.tag);
  try {
    const plain = Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]);
    return plain.toString("utf8");
  } catch {
    throw new CredentialDecryptError(
      "authentication-failed",
      `Stored credential for account "${context.accountId}" (${context.field}) failed authentication: ` +
        "it was altered, or it was copied from another account or field.",
    );
  }
}

/** True when the value is under an older key than the newest; throws if it is malformed. */
export function needsReencryption(keyring: Keyring, stored: string): boolean {
  return parseStored(stored).keyId !== keyring.newestKeyId;
}

/** Decrypts with whichever key the value names and encrypts again under the newest key. */
export function reencryptSecret(keyring: Keyring, stored: string, context: SecretContext): string {
  return encryptSecret(keyring, decryptSecret(keyring, stored, context), context);
}
