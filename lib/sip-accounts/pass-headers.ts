// Caller context: the inbound SIP headers an account passes to its agent. Only X-* headers
// (the ones a PBX adds for this; never Authorization, Via or other signalling), each mapped by
// the inbound trunk's headersToAttributes onto the caller's participant attribute
// `sb.header.<name in lower case>`, where the agent worker reads it as {{<name>}}.
// Isomorphic: the form, the REST input and provisioning share it.

export const PASS_HEADERS_MAX = 10;
const NAME = /^X-[A-Za-z0-9][A-Za-z0-9-]{0,62}$/i;

/** The participant attribute a passed header arrives in (agent-worker/variables.ts reads it). */
export const HEADER_ATTRIBUTE_PREFIX = "sb.header.";

export function headerAttribute(name: string): string {
  return `${HEADER_ATTRIBUTE_PREFIX}${name.toLowerCase()}`;
}

export type PassHeadersResult = { ok: true; names: string[] } | { ok: false; errors: string[] };

/** "X-Customer-Id, X-Campaign" (commas, spaces or line breaks between) or a list. */
export function parsePassHeaders(input: string | readonly string[]): PassHeadersResult {
  const names = (typeof input === "string" ? input.split(/[\s,;]+/) : [...input]).map((n) => n.trim()).filter(Boolean);
  const errors: string[] = [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    if (!NAME.test(name)) {
      errors.push(`${name.slice(0, 70)}: only X- headers can be passed (letters, digits and dashes, e.g. X-Customer-Id).`);
      continue;
    }
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  if (out.length > PASS_HEADERS_MAX) errors.push(`Pass at most ${PASS_HEADERS_MAX} headers.`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, names: out };
}

/** The inbound trunk's headersToAttributes for these names. */
export function headersToAttributes(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, headerAttribute(n)]));
}
