// The agent's {{variables}}: what its greeting and instructions may name, filled in per call
// from the batch row's columns (outbound, in the job metadata) and the inbound SIP headers the
// account passes (X-*, as participant attributes). A name is matched whatever its case; a
// variable the call does not have renders as nothing, never as the braces.

/** The participant attribute a passed SIP header arrives in (the console's trunk maps it so). */
export const HEADER_ATTRIBUTE_PREFIX = "sb.header.";

const PLACEHOLDER = /\{\{([^{}]{0,100})\}\}/g;
const CONTROL = /[\x00-\x1f\x7f]/g;
const VALUE_MAX = 200;

export type CallVariables = Record<string, string>;

function clean(value: string): string {
  return value.replace(CONTROL, " ").trim().slice(0, VALUE_MAX);
}

/** Variables from the job metadata's `variables` object (text values only). */
export function variablesFromMetadata(raw: unknown): CallVariables {
  const out: CallVariables = {};
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return out;
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") out[name.toLowerCase()] = clean(String(value));
  }
  return out;
}

/** Variables from the SIP participant's attributes: each passed header under its own name (X-Customer-Id). */
export function variablesFromAttributes(attributes: Record<string, string>): CallVariables {
  const out: CallVariables = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (key.startsWith(HEADER_ATTRIBUTE_PREFIX) && typeof value === "string") out[key.slice(HEADER_ATTRIBUTE_PREFIX.length).toLowerCase()] = clean(value);
  }
  return out;
}

/** Fills the placeholders; what is missing goes, with the space or the comma it leaves behind. */
export function renderTemplate(template: string, variables: CallVariables): string {
  if (!template.includes("{{")) return template;
  const filled = template.replace(PLACEHOLDER, (_, name: string) => variables[name.trim().toLowerCase()] ?? "");
  return filled
    .split("\n")
    .map((line) => line.replace(/[ \t]{2,}/g, " ").replace(/ +([,.!?;:])/g, "$1").replace(/,([.!?])/g, "$1").replace(/^ +| +$/g, ""))
    .join("\n");
}
