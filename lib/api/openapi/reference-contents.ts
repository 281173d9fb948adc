// The API reference's table of contents: the document's operations grouped by resource (the
// operation's tag), each resource on its own page (its slug), with the schemas its operations
// answer with, followed through their $refs.

type Schema = Record<string, unknown>;
export type ReferenceOperation = { path: string; method: string; operationId: string; summary: string; op: Record<string, unknown> };
export type ReferenceResource = { tag: string; slug: string; operations: ReferenceOperation[] };
type Doc = { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, Schema> } };

export function resourceSlug(tag: string): string {
  return tag.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

export function referenceResources(doc: Doc): ReferenceResource[] {
  const byTag = new Map<string, ReferenceOperation[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as { operationId: string; summary: string; tags?: string[] };
      const tag = op.tags?.[0] ?? "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { path, method, operationId: op.operationId, summary: op.summary, op: raw as Record<string, unknown> }]);
    }
  }
  return [...byTag.entries()].map(([tag, operations]) => ({ tag, slug: resourceSlug(tag), operations }));
}

/** The component schemas a resource's operations refer to, directly or through other schemas. */
export function schemasOf(resource: ReferenceResource, doc: Doc): string[] {
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") {
        const name = value.split("/").pop()!;
        if (!seen.has(name)) {
          seen.add(name);
          visit(doc.components.schemas[name]);
        }
      } else visit(value);
    }
  };
  resource.operations.forEach((o) => visit(o.op));
  return [...seen].sort();
}
