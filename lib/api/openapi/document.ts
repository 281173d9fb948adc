import { z } from "zod";
import { rateLimitBudgets } from "@/lib/rate-limits/budgets";
import { eventBodySchema, webhookEventDocs } from "@/lib/webhooks/event-payloads";
import { operations, type Operation } from "./operations";
import { responseSchemas } from "./response-schemas";

// Builds the OpenAPI 3.1 document of /api/v1 from the operations table: request bodies and
// query parameters from the zod schemas the routes parse (their input side), answers from
// the response schemas. JSON Schema draft 2020-12 is OpenAPI 3.1's own dialect.

type JsonSchema = Record<string, unknown>;
type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, JsonSchema>> };

/** zod's JSON Schema without the top-level $schema (the document names its dialect once). */
function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  void _dialect;
  return rest;
}

/** The named answers, referring to each other by $ref. Open for additions: clients should ignore unknown fields. */
function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(responseSchemas)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io: "output", uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, JsonSchema> };
  const open = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(open);
    if (node === null || typeof node !== "object") return node;
    const out: JsonSchema = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === "$schema" || k === "$id" || (k === "additionalProperties" && v === false)) continue;
      out[k] = open(v);
    }
    return out;
  };
  return Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, open(s) as JsonSchema]));
}

const problemContent = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };
const problemResponse = (description: string, headers?: JsonSchema) => ({ description, content: problemContent, ...(headers ? { headers } : {}) });
const retryAfter = { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } };

function pathParamNote(name: string): string {
  if (name === "spaceId") return "The Space; an API key works on its own Space only.";
  if (name === "phoneNumber") return "A number of the API key's Space in E.164, the + sent as is or as %2B (another Space's number is a 404).";
  return "An id from this Space (another Space's id is a 404).";
}

function parameters(op: Operation): JsonSchema[] {
  const params: JsonSchema[] = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
    description: pathParamNote(m[1]!),
  }));
  for (const [name, field] of Object.entries(op.query?.shape ?? {})) {
    const schema = inputSchema(field as z.ZodType);
    const optional = (field as z.ZodType).safeParse(undefined).success;
    const description = op.queryNotes?.[name] ?? schema.description;
    params.push({ name, in: "query", required: !optional, schema, ...(typeof description === "string" ? { description } : {}) });
  }
  if (op.idempotent) {
    params.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
      description: "A retry with the same key and the same request answers the first response again (header Idempotent-Replayed: true) for 24 hours; the same key with another request is a 422.",
    });
  }
  return params;
}

function responses(op: Operation): JsonSchema {
  const out: JsonSchema = {};
  const { status, description, schema } = op.success;
  out[status] = schema ? { description, content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } } } : { description };
  if (op.body || op.query) out[400] = problemResponse("Not JSON, or fields the operation does not take (nothing is changed).");
  if (op.access !== "public") {
    out[401] = problemResponse(op.access === "key" || op.access === "admin-key" ? "No valid API key (this operation takes no session)." : "No session and no valid API key.");
    out[404] = problemResponse("No such resource in this Space (also for another Space's ids and for a key of another Space).");
  }
  if (op.access === "admin" || op.access === "admin-session" || op.access === "admin-key") out[403] = problemResponse("The caller's role does not allow this (owners and admins only).");
  if (op.access === "owner") out[403] = problemResponse("The caller's role does not allow this (owners only).");
  if (op.access === "owner-session") out[403] = problemResponse("The caller's role does not allow this (owners only, signed in; a member may remove only themself).");
  if (op.body || op.query || op.idempotent) out[422] = problemResponse("Invalid fields, each with its path; or an Idempotency-Key reused with another request.");
  for (const [code, text] of Object.entries(op.errors ?? {})) out[code] = problemResponse(text, code === "429" ? retryAfter : undefined);
  if (op.rateLimit) out[429] = problemResponse("Rate limited for this Space.", retryAfter);
  return out;
}

function operationObject(op: Operation): JsonSchema {
  const limit = op.rateLimit ? rateLimitBudgets[op.rateLimit] : undefined;
  const notes = [
    op.description,
    op.access === "admin" ? "Owners and admins (or keys with those roles)." : op.access === "owner" ? "Space owners (or owner keys) only." : op.access === "admin-session" ? "Owners and admins, signed in (not with an API key)." : op.access === "owner-session" ? "Owners, signed in (not with an API key)." : op.access === "admin-key" ? "API keys with the owner or admin role only." : op.access === "key" ? "Any API key of the Space." : op.access === "member" ? "Any member of the Space, or any of its API keys." : undefined,
    limit ? `Rate limit per Space, shared with the console: ${limit.points} per ${limit.durationSeconds} s, counted from the first request of the window.` : undefined,
  ].filter(Boolean);
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: notes.join(" "),
    tags: [op.tag],
    ...(op.access === "public" ? { security: [] } : op.access === "admin-session" || op.access === "owner-session" ? { security: [{ session: [] }] } : op.access === "admin-key" || op.access === "key" ? { security: [{ apiKey: [] }] } : {}),
    parameters: parameters(op),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: inputSchema(op.body) } } } } : {}),
    responses: responses(op),
    ...(limit ? { "x-rate-limit": { perSpace: true, points: limit.points, durationSeconds: limit.durationSeconds } } : {}),
    ...(op.idempotent ? { "x-idempotent": true } : {}),
  };
}

const SIGNING =
  "Signed per the Standard Webhooks specification: headers webhook-id (the same on every retry and Redeliver: deduplicate on it), webhook-timestamp (Unix seconds) and webhook-signature (v1,<base64 HMAC-SHA256 of id.timestamp.body> under the endpoint's whsec_ secret). Verify with any Standard Webhooks library. Answer 2xx within 10 s; anything else is retried with back-off for about 31 hours. Events of one call (and of one account, number or batch) arrive in order.";

/** The `webhooks` section: one POST per event type, its body generated from the payload schemas. */
function webhookOperations(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const { type, description } of webhookEventDocs) {
    const { $schema: _dialect, ...schema } = z.toJSONSchema(eventBodySchema(type), { io: "output" }) as JsonSchema;
    void _dialect;
    out[type] = {
      post: {
        operationId: `webhook_${type.replace(".", "_")}`,
        summary: type,
        description: `${description} ${SIGNING}`,
        requestBody: { required: true, content: { "application/json": { schema } } },
        responses: { "2XX": { description: "Received; any other answer is retried." } },
      },
    };
  }
  return out;
}

export function buildOpenApiDocument(): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = operationObject(op);
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Switchboard API",
      version: "1.0.0",
      description:
        "Custom SIP accounts, phone numbers, agents and API keys of a Space, and the BYOC API (/byoc/..., API keys only, the Space being the key's). Authenticate with an API key (Authorization: Bearer sb_live_...) or a console session. Errors are RFC 9457 problem+json with field paths.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }, { session: [] }],
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    webhooks: webhookOperations(),
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key of the Space (Settings → API keys), acting with the key's role." },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The console's session (the cookie is __Secure-next-auth.session-token over HTTPS), acting with the member's role." },
      },
      schemas: componentSchemas(),
    },
  };
}
