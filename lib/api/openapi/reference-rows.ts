// Turns the document's JSON Schemas into rows a person can read (the API reference page):
// one row per field, nested fields as dotted paths, types written the way TypeScript does.

type Schema = Record<string, unknown>;

export type FieldRow = { name: string; type: string; required: boolean; notes: string[]; ref?: string };

function refName(schema: Schema): string | undefined {
  return typeof schema.$ref === "string" ? schema.$ref.split("/").pop() : undefined;
}

/** A short type: string, string | null, "a" | "b", SipAccount[], object. */
export function typeLabel(schema: Schema): string {
  const ref = refName(schema);
  if (ref) return ref;
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if ("const" in schema) return JSON.stringify(schema.const);
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(union)) return [...new Set(union.map(typeLabel))].join(" | ");
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === "string" ? [schema.type] : [];
  return (
    types
      .map((t) => (t === "array" ? `${schema.items ? wrap(typeLabel(schema.items as Schema)) : "unknown"}[]` : t))
      .join(" | ") || "any"
  );
}

function wrap(label: string): string {
  return label.includes(" | ") ? `(${label})` : label;
}

function constraints(schema: Schema): string[] {
  const out: string[] = [];
  const all = [schema, ...(((schema.anyOf ?? schema.oneOf) as Schema[] | undefined) ?? [])];
  for (const s of all) {
    if (typeof s.minLength === "number" && s.minLength > 0) out.push(`at least ${s.minLength} characters`);
    if (typeof s.maxLength === "number") out.push(`at most ${s.maxLength} characters`);
    if (typeof s.minimum === "number") out.push(`≥ ${s.minimum}`);
    if (typeof s.maximum === "number") out.push(`≤ ${s.maximum}`);
    if (typeof s.pattern === "string") out.push(`pattern ${s.pattern}`);
  }
  if ("default" in schema) out.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.writeOnly === true) out.push("write-only");
  return [...new Set(out)];
}

/** The object schema behind a property, if it is one (directly, in a union with null, or as array items). */
function nestedObject(schema: Schema): Schema | undefined {
  if (schema.type === "object" && schema.properties) return schema;
  if (schema.type === "array" && schema.items) return nestedObject(schema.items as Schema);
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(union)) return union.map(nestedObject).find(Boolean);
  return undefined;
}

export function fieldRows(schema: Schema, prefix = ""): FieldRow[] {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).flatMap(([key, prop]) => {
    const name = `${prefix}${key}`;
    const notes = [typeof prop.description === "string" ? prop.description : null, ...constraints(prop)].filter((n): n is string => n !== null);
    const ref = refName(prop) ?? refName((prop.items ?? {}) as Schema) ?? ((prop.anyOf as Schema[] | undefined) ?? []).map(refName).find(Boolean);
    const row: FieldRow = { name, type: typeLabel(prop), required: required.has(key), notes, ...(ref ? { ref } : {}) };
    const nested = nestedObject(prop);
    return nested ? [row, ...fieldRows(nested, `${name}${prop.type === "array" ? "[]" : ""}.`)] : [row];
  });
}
