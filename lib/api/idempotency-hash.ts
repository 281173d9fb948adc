import { createHash } from "node:crypto";

// What makes two requests "the same" for Idempotency-Key: method, path and body. JSON bodies
// are compared by meaning (key order and whitespace do not matter); anything else by its bytes.

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

/** Hex SHA-256 over method, path and the canonical body. */
export function idempotencyRequestHash(method: string, path: string, bodyText: string): string {
  return createHash("sha256").update(`${method.toUpperCase()}\n${path}\n${canonicalBody(bodyText)}`).digest("hex");
}
