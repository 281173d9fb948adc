import { describe, expect, it } from "vitest";
import { walkRouteTree } from "../route-tree";
import { buildOpenApiDocument } from "./document";
import { operations } from "./operations";

describe("the OpenAPI document", () => {
  const doc = buildOpenApiDocument();

  it("documents exactly the operations the route files export", () => {
    const routes = walkRouteTree().map((r) => `${r.method} ${r.openApiPath}`).sort();
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    expect(routes.length).toBeGreaterThan(10);
    expect(documented).toEqual(routes);
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
  });

  it("is OpenAPI 3.1 whose $refs all resolve", () => {
    expect(doc.openapi).toBe("3.1.0");
    const text = JSON.stringify(doc);
    const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
    for (const [, name] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) expect(Object.keys(schemas)).toContain(name);
    expect(text).not.toContain('"$schema"');
  });

  it("shows request bodies from the schemas the routes parse: strict, with the form's limits", () => {
    const create = doc.paths["/spaces/{spaceId}/sip-accounts"]!.post as { requestBody: { content: { "application/json": { schema: Record<string, unknown> } } } };
    const schema = create.requestBody.content["application/json"].schema as { additionalProperties: boolean; required: string[]; properties: Record<string, Record<string, unknown>> };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required.sort()).toEqual(["accountName", "destinationCountry"]);
    expect(schema.properties.accountName).toMatchObject({ type: "string", minLength: 1, maxLength: 100 });
    expect(schema.properties.outboundPassword).toMatchObject({ writeOnly: true });
    expect(Object.keys(schema.properties)).not.toContain("spaceId");
    expect(Object.keys(schema.properties)).not.toContain("inboundTrunkId");

    const agent = doc.paths["/spaces/{spaceId}/agents/{agentId}"]!.patch as typeof create;
    const patch = agent.requestBody.content["application/json"].schema as { required?: string[]; properties: Record<string, Record<string, unknown>> };
    expect(patch.required ?? []).toEqual([]);
    // A PATCH must not document defaults: an absent field keeps its value.
    expect(JSON.stringify(patch)).not.toContain('"default"');
  });

  it("marks idempotent and rate-limited operations, and never documents a password in an answer", () => {
    const bind = doc.paths["/spaces/{spaceId}/phone-numbers"]!.post as { parameters: { name: string }[]; "x-idempotent"?: boolean };
    expect(bind["x-idempotent"]).toBe(true);
    expect(bind.parameters.map((p) => p.name)).toContain("Idempotency-Key");
    const verify = doc.paths["/spaces/{spaceId}/sip-accounts/{accountId}/verify"]!.post as { responses: Record<string, unknown> };
    expect(Object.keys(verify.responses)).toContain("429");
    const account = JSON.stringify((doc.components as { schemas: Record<string, unknown> }).schemas.SipAccount);
    expect(account).toContain("outboundPasswordSet");
    expect(account).not.toMatch(/"outboundPassword"|"inboundPassword"/);
  });
});

describe("the calls list in the document", () => {
  const doc = buildOpenApiDocument();

  it("shows its filters and paging as query parameters and answers a page with nextCursor", () => {
    const list = doc.paths["/spaces/{spaceId}/calls"]!.get as { parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[]; responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> };
    const query = Object.fromEntries(list.parameters.filter((p) => p.in === "query").map((p) => [p.name, p]));
    expect(Object.keys(query).sort()).toEqual(["accountId", "cursor", "direction", "limit", "phoneNumberId", "since", "status", "until"]);
    expect(Object.values(query).every((p) => !p.required)).toBe(true);
    expect(query.limit!.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 200, default: 50 });
    expect(query.direction!.schema).toMatchObject({ enum: ["inbound", "outbound"] });
    expect(JSON.stringify(query.since!.schema)).toContain('"format":"date-time"');
    expect(list.responses["200"]!.content!["application/json"]!.schema.$ref).toBe("#/components/schemas/CallPage");
    const page = (doc.components as { schemas: Record<string, { properties: Record<string, unknown> }> }).schemas.CallPage!;
    expect(Object.keys(page.properties).sort()).toEqual(["items", "nextCursor"]);
  });
});

describe("the BYOC operations in the document", () => {
  const doc = buildOpenApiDocument();

  it("take an API key only, with the seed's field names, the password write-only", () => {
    const create = doc.paths["/byoc/phone-numbers"]!.post as { security: unknown; description: string; requestBody: { content: { "application/json": { schema: { required: string[]; properties: Record<string, Record<string, unknown>> } } } } };
    expect(create.security).toEqual([{ apiKey: [] }]);
    expect(create.description).toContain("a session is not accepted");
    const schema = create.requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties).sort()).toEqual(["friendlyName", "inboundAgentId", "outboundAgentId", "phoneNumber", "sipPassword", "sipUsername", "terminationUri"]);
    expect(schema.required.sort()).toEqual(["phoneNumber", "terminationUri"]);
    expect(schema.properties.sipPassword).toMatchObject({ writeOnly: true });
    expect(Object.keys(doc.paths["/byoc/phone-numbers/{phoneNumber}"]!).sort()).toEqual(["delete", "get", "put"]);
    const answer = JSON.stringify((doc.components as { schemas: Record<string, unknown> }).schemas.ByocPhoneNumber);
    expect(answer).toContain("sipPasswordSet");
    expect(answer).not.toContain('"sipPassword"');
  });
});
