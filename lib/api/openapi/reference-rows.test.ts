import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";
import { fieldRows, typeLabel } from "./reference-rows";

describe("reference rows", () => {
  it("write types the way a reader expects", () => {
    expect(typeLabel({ type: ["string", "null"] })).toBe("string | null");
    expect(typeLabel({ anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }, { type: "null" }] })).toBe("string | string[] | null");
    expect(typeLabel({ type: "string", enum: ["a", "b"] })).toBe('"a" | "b"');
    expect(typeLabel({ $ref: "#/components/schemas/SipAccount" })).toBe("SipAccount");
    expect(typeLabel({ type: "array", items: { $ref: "#/components/schemas/Agent" } })).toBe("Agent[]");
  });

  it("list a body's fields with required marks, limits and nested paths", () => {
    const doc = buildOpenApiDocument();
    const body = (doc.paths["/spaces/{spaceId}/sip-accounts"]!.post as { requestBody: { content: { "application/json": { schema: Record<string, unknown> } } } }).requestBody.content["application/json"].schema;
    const rows = fieldRows(body);
    expect(rows.find((r) => r.name === "accountName")).toMatchObject({ required: true, type: "string", notes: expect.arrayContaining(["at most 100 characters"]) });
    expect(rows.find((r) => r.name === "outboundPassword")).toMatchObject({ required: false, notes: expect.arrayContaining(["write-only"]) });
    const verify = (doc.components as { schemas: Record<string, Record<string, unknown>> }).schemas.VerifyReport!;
    expect(fieldRows(verify).map((r) => r.name)).toEqual(expect.arrayContaining(["checks", "checks[].name", "checks[].fix", "ok"]));
  });
});
