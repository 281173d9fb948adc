import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";
import { exampleObject } from "./examples";
import { operations } from "./operations";

type Body = { requestBody?: { content: { "application/json": { schema: Record<string, unknown> } } } };

describe("the API reference's request examples", () => {
  const doc = buildOpenApiDocument();
  const withBodies = operations.filter((op) => op.body);

  it("are valid requests: each parses with the schema its route uses", () => {
    expect(withBodies.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const op of withBodies) {
      const documented = (doc.paths[op.path]![op.method] as Body).requestBody!.content["application/json"].schema;
      const example = exampleObject(documented);
      const parsed = op.body!.safeParse(example);
      if (!parsed.success) failures.push(`${op.operationId}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    }
    expect(failures).toEqual([]);
  });
});

describe("curlExample", () => {
  it("names the Space, leaves other ids as variables, and carries key, idempotency key and body", async () => {
    const { curlExample } = await import("./curl-example");
    const doc = buildOpenApiDocument();
    const op = doc.paths["/spaces/{spaceId}/agents/{agentId}/sip-registration"]!.put as never;
    const line = curlExample({ origin: "https://console.example.com", base: "/api/v1", path: "/spaces/{spaceId}/agents/{agentId}/sip-registration", method: "put", op, spaceId: "space123" });
    expect(line).toContain(`curl -X PUT "https://console.example.com/api/v1/spaces/space123/agents/"$AGENT_ID"/sip-registration"`);
    expect(line).toContain(`-H "Authorization: Bearer $SWITCHBOARD_API_KEY"`);
    const body = JSON.parse(/-d '([\s\S]*)'$/.exec(line)![1]!) as Record<string, unknown>;
    expect(body).toMatchObject({ domain: "pbx.example.com", port: 5060 });
    const create = curlExample({ origin: "", base: "/api/v1", path: "/spaces/{spaceId}/agents", method: "post", op: doc.paths["/spaces/{spaceId}/agents"]!.post as never, spaceId: "s" });
    expect(create).toContain(`-H "Idempotency-Key: $(od -An -N16 -tx1 /dev/urandom | tr -d ' \\n')"`);
  });
});

describe("examples that go through a service's own rules after the body schema", () => {
  it("createAgent's example is a valid agent (transfer destinations included)", async () => {
    const { createAgentFieldsFromRest } = await import("@/lib/agents/rest-input");
    const { agentInput } = await import("@/lib/agents/schemas");
    const doc = buildOpenApiDocument();
    const body = exampleObject((doc.paths["/spaces/{spaceId}/agents"]!.post as Body).requestBody!.content["application/json"].schema);
    const parsed = agentInput.safeParse(createAgentFieldsFromRest(body));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });
});
