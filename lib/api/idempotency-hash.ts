import { createHmac, hkdfSync } from "node:crypto";

// What makes two requests "the same" for Idempotency-Key: method, path and body. JSON bodies
// are compared by meaning (key order and whitespace do not matter); anything else by its bytes.
//
// The stored fingerprint is an HMAC under a server key, not a bare hash: bodies carry SIP
// passwords, and a bare SHA-256 of a known body shape would let anyone who can read the table
// test guessed passwords offline. Without the key, the fingerprint says nothing.

/** Keys of 1 to 255 visible ASCII characters (a UUID, a ULID, a hash...). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export function isValidIdempotencyKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** JSON with object keys sorted at every depth, so equal values serialise alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function canonicalBody(bodyText: string): string {
  if (bodyText.trim() === "") return "empty:";
  try {
    return `json:${canonicalJson(JSON.parse(bodyText))}`;
  } catch {
    return `raw:${bodyText}`;
  }
}

/** The HMAC key for request fingerprints, derived from a server secret (NEXTAUTH_SECRET) for this use only. */
export function idempotencyHashKey(serverSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", serverSecret, "switchboard", "idempotency request fingerprint v1", 32));
}

/** Hex HMAC-SHA-256 under `key` over method, path and the canonical body. */
export function idempotencyRequestHash(key: Buffer, method: string, path: string, bodyText: string): string {
  return createHmac("sha256", key).update(`${method.toUpperCase()}\n${path}\n${canonicalBody(bodyText)}`).digest("hex");
}
