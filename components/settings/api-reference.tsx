import { fieldRows, typeLabel, type FieldRow } from "@/lib/api/openapi/reference-rows";

// The OpenAPI document as a page: server-rendered from the same object /api/v1/openapi.json
// serves, with nothing loaded from elsewhere.

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: string; required: boolean; schema: Schema; description?: string };
type Response = { description: string; content?: Record<string, { schema: Schema }> };
type OperationObject = { operationId: string; summary: string; description?: string; tags: string[]; parameters: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, Response> };
export type ApiDocument = { info: { title: string; description: string }; servers: { url: string }[]; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, Schema> } };

const methodColours: Record<string, string> = {
  get: "bg-sky-100 text-sky-800",
  post: "bg-green-100 text-green-800",
  patch: "bg-amber-100 text-amber-800",
  delete: "bg-red-100 text-red-800",
};

function Fields({ rows, label }: { rows: FieldRow[]; label: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No fields.</p>;
  return (
    <div className="overflow-x-auto">
    <table className="w-full text-sm" aria-label={label}>
      <thead className="text-left text-slate-500">
        <tr><th className="py-1 pr-4 font-medium">Field</th><th className="py-1 pr-4 font-medium">Type</th><th className="py-1 font-medium">Notes</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name} className="border-t border-slate-100 align-top">
            <td className="py-1 pr-4 font-mono text-xs">{r.name}{r.required ? <span className="text-red-700" title="required"> *</span> : null}</td>
            <td className="py-1 pr-4 font-mono text-xs">{r.ref ? <a className="text-brand-700 underline" href={`#schema-${r.ref}`}>{r.type}</a> : r.type}</td>
            <td className="py-1 text-slate-700">{r.notes.join("; ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

function OperationSection({ path, method, op }: { path: string; method: string; op: OperationObject }) {
  const body = op.requestBody?.content["application/json"]?.schema;
  return (
    <section id={op.operationId} aria-label={`${method.toUpperCase()} ${path}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h3 className="flex flex-wrap items-center gap-2 text-sm">
        <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold uppercase ${methodColours[method] ?? ""}`}>{method}</span>
        <code className="break-all font-mono">{path}</code>
        <span className="text-slate-600">· {op.summary}</span>
      </h3>
      {op.description ? <p className="text-sm text-slate-700">{op.description}</p> : null}
      {op.parameters.length > 0 ? (
        <div>
          <h4 className="mb-1 text-xs font-semibold uppercase text-slate-500">Parameters</h4>
          <Fields label={`Parameters of ${op.operationId}`} rows={op.parameters.map((p) => ({ name: `${p.name} (${p.in})`, type: typeLabel(p.schema), required: p.required, notes: [p.description ?? ""].filter(Boolean) }))} />
        </div>
      ) : null}
      {body ? (
        <div>
          <h4 className="mb-1 text-xs font-semibold uppercase text-slate-500">Request body (JSON; other fields are refused)</h4>
          <Fields label={`Request body of ${op.operationId}`} rows={fieldRows(body)} />
        </div>
      ) : null}
      <div>
        <h4 className="mb-1 text-xs font-semibold uppercase text-slate-500">Responses</h4>
        <ul className="space-y-1 text-sm">
          {Object.entries(op.responses).map(([status, r]) => {
            const schema = Object.values(r.content ?? {})[0]?.schema;
            const name = schema ? typeLabel(schema) : null;
            return (
              <li key={status}>
                <span className="font-mono text-xs font-semibold">{status}</span> {r.description}
                {name ? <> → <a className="font-mono text-xs text-brand-700 underline" href={`#schema-${name}`}>{name}</a></> : null}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}

export function ApiReference({ doc }: { doc: ApiDocument }) {
  const byTag = new Map<string, { path: string; method: string; op: OperationObject }[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as OperationObject;
      const tag = op.tags[0] ?? "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { path, method, op }]);
    }
  }
  const base = doc.servers[0]?.url ?? "/api/v1";
  return (
    <div className="max-w-5xl space-y-8">
      <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-700">
        <h2 className="text-base font-semibold text-slate-900">{doc.info.title}</h2>
        <p>{doc.info.description}</p>
        <p>Paths below are under <code>{base}</code>. The machine-readable document: <a className="text-brand-700 underline" href={`${base}/openapi.json`}>{base}/openapi.json</a> (OpenAPI 3.1).</p>
      </section>
      {[...byTag.entries()].map(([tag, ops]) => (
        <section key={tag} className="space-y-3">
          <h2 className="text-base font-semibold">{tag}</h2>
          {ops.map((o) => <OperationSection key={`${o.method} ${o.path}`} {...o} />)}
        </section>
      ))}
      <section className="space-y-3">
        <h2 className="text-base font-semibold">Schemas</h2>
        {Object.entries(doc.components.schemas).map(([name, schema]) => (
          <div key={name} id={`schema-${name}`} className="rounded-lg border border-slate-200 bg-white p-5">
            <h3 className="mb-2 font-mono text-sm font-semibold">{name}</h3>
            <Fields label={`Schema ${name}`} rows={fieldRows(schema)} />
          </div>
        ))}
      </section>
    </div>
  );
}
