import { exampleObject, exampleValue } from "./examples";

// One curl line per operation for the API reference: the Space's own id in the URL, the other
// path ids as shell variables to fill in, required query parameters, the API key from the
// environment, an Idempotency-Key where the operation takes one, and a body that is a valid
// request (examples.ts).

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: string; required: boolean; schema: Schema };
export type CurlOperation = { parameters: Parameter[]; security?: Record<string, unknown>[]; requestBody?: { content: Record<string, { schema: Schema }> } };

const shellVar = (name: string) => `$${name.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()}`;

/** Single-quoted for a POSIX shell. */
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function curlExample(args: { origin: string; base: string; path: string; method: string; op: CurlOperation; spaceId: string }): string {
  const { op } = args;
  const url =
    args.origin +
    args.base +
    args.path.replace(/\{([^}]+)\}/g, (_, name: string) => (name === "spaceId" ? args.spaceId : `"${shellVar(name)}"`));
  const query = op.parameters
    .filter((p) => p.in === "query" && p.required)
    .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(exampleValue(p.schema, p.name)))}`)
    .join("&");
  const sessionOnly = op.security?.some((s) => "session" in s) === true;
  const lines = [`curl -X ${args.method.toUpperCase()} "${url}${query ? `?${query}` : ""}"`];
  lines.push(sessionOnly ? `  -b "next-auth.session-token=$SESSION_COOKIE"` : `  -H "Authorization: Bearer $SWITCHBOARD_API_KEY"`);
  // A fresh random key per run, from what every Linux and macOS shell has (uuidgen is not always installed).
  if (op.parameters.some((p) => p.in === "header" && p.name === "Idempotency-Key")) lines.push(`  -H "Idempotency-Key: $(od -An -N16 -tx1 /dev/urandom | tr -d ' \\n')"`);
  const body = op.requestBody?.content["application/json"]?.schema;
  if (body) {
    lines.push(`  -H "Content-Type: application/json"`);
    lines.push(`  -d ${quote(JSON.stringify(exampleObject(body), null, 2))}`);
  }
  return lines.join(" \\\n");
}
