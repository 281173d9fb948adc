import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// API key secrets: "sb_live_" and 32 random bytes in base64url (256 bits). Only the SHA-256
// of the whole secret is stored. A slow password hash (argon2) buys nothing here: it exists to
// make guessing low-entropy human passwords expensive, and 256 random bits cannot be guessed
// at any speed. A fast, unsalted hash also lets a request find its key with one indexed
// lookup instead of trying every key, and costs microseconds instead of ~20 MiB and tens of
// milliseconds per request.

export const API_KEY_PREFIX = "sb_live_";
const SECRET_BYTES = 32;
/** How much of the secret the console shows to tell keys apart (prefix + 8 characters: 48 bits, nothing to guess with). */
const DISPLAY_CHARS = API_KEY_PREFIX.length + 8;
const KEY_SHAPE = /^sb_live_[A-Za-z0-9_-]{43}$/;

export type NewApiKeySecret = { secret: string; prefix: string; hash: string };

export function generateApiKeySecret(): NewApiKeySecret {
  const secret = API_KEY_PREFIX + randomBytes(SECRET_BYTES).toString("base64url");
  return { secret, prefix: secret.slice(0, DISPLAY_CHARS), hash: hashApiKeySecret(secret) };
}

/** Hex SHA-256 of the whole secret, as stored. */
export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** True for a string shaped like one of our keys; anything else is refused before a database lookup. */
export function isApiKeyShaped(token: string): boolean {
  return KEY_SHAPE.test(token);
}

/** Constant-time check of a presented secret against a stored hash. */
export function apiKeyMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashApiKeySecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return stored.length === given.length && timingSafeEqual(given, stored);
}

/** The secret of an `Authorization: Bearer <secret>` header; null when absent or malformed. */
export function bearerSecret(header: string | null): string | null {
  const m = header ? /^Bearer ([\x21-\x7e]{1,512})$/i.exec(header.trim()) : null;
  return m?.[1] ?? null;
}
