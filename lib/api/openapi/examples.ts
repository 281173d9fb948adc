// Example values for the API reference's curl lines, made from the document's JSON Schemas:
// a schema's own example or default when it has one, else a value chosen by the field's type
// and name (a number field gets an E.164 number, a URL field a URL). Every request body
// example is checked against the schema its route parses (examples.test.ts), so a curl line
// copied from the reference is a valid request.

type Schema = Record<string, unknown>;

/** Tomorrow at 09:30 UTC: schedules must be in the future and at most 30 days ahead. */
function tomorrow(): string {
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  d.setUTCHours(9, 30, 0, 0);
  return d.toISOString();
}
// A carrier's real SIP signalling address (Twilio, North America): production mode refuses the
// documentation ranges (203.0.113.0/24...), so an example must look like a real one.
const PUBLIC_SIP_IP = "54.172.60.0";

/** The example for a string field, by what its name says it holds. */
function stringFor(name: string, schema: Schema): string {
  const n = name.toLowerCase();
  if (schema.format === "date-time" || /at$/.test(n)) return tomorrow();
  if (schema.format === "uri" || n.includes("url")) return "https://example.com/switchboard/events";
  if (n.includes("email")) return "ops@example.com";
  if (n.includes("country")) return "US";
  if (/(^|\.)(to|from|number|phonenumber|did)$/.test(n) || n.endsWith("number")) return "+14155552671";
  if (/(^|inbound|source|allowed)ips?$/.test(n) || n === "sourceaddress") return PUBLIC_SIP_IP;
  if (n.includes("uri")) return "pbx.example.com;transport=udp";
  if (n.includes("server") || n.includes("domain") || n.includes("host") || n === "proxy") return "pbx.example.com";
  if (n.includes("password") || n.includes("secret")) return "correct-horse-battery-9";
  if (n.includes("username") || n === "user") return "switchboard";
  if (n.includes("greeting")) return "Hello, you have reached Acme. How can I help?";
  if (n.includes("instructions")) return "You are a friendly receptionist. Keep answers short.";
  if (n.includes("language")) return "en-US";
  if (n.includes("transport")) return "udp";
  if (n.includes("desturser") || n.includes("destuser")) return "routing.user";
  if (n.includes("name") || n.includes("label") || n.includes("description")) return "Main office";
  if (n.includes("id")) return `<${name}>`;
  return "text";
}

function numberFor(name: string, schema: Schema): number {
  const n = name.toLowerCase();
  if (n === "port") return 5060;
  const min = typeof schema.minimum === "number" ? schema.minimum : typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum + 1 : 1;
  const max = typeof schema.maximum === "number" ? schema.maximum : Number.MAX_SAFE_INTEGER;
  return Math.min(Math.max(min, n.includes("second") ? 30 : 2), max);
}

function singular(name: string): string {
  return name.endsWith("ies") ? `${name.slice(0, -3)}y` : name.endsWith("es") && name.endsWith("sses") ? name.slice(0, -2) : name.endsWith("s") ? name.slice(0, -1) : name;
}

/** An example value for `schema`, the field being called `name`. */
export function exampleValue(schema: Schema, name = ""): unknown {
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ("default" in schema) return schema.default;
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(union)) {
    const chosen = union.find((s) => s.type !== "null") ?? union[0];
    return chosen ? exampleValue(chosen, name) : null;
  }
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== "null") : schema.type;
  switch (type) {
    case "string":
      return stringFor(name, schema);
    case "integer":
    case "number":
      return numberFor(name, schema);
    case "boolean":
      return false;
    case "array": {
      const item = exampleValue((schema.items as Schema | undefined) ?? {}, singular(name));
      return Array.from({ length: Math.max(1, typeof schema.minItems === "number" ? schema.minItems : 1) }, () => item);
    }
    case "object":
      return exampleObject(schema);
    default:
      return null;
  }
}

/** Every property of an object schema, each with its example. */
export function exampleObject(schema: Schema): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  return Object.fromEntries(Object.entries(properties).map(([key, prop]) => [key, exampleValue(prop, key)]));
}
