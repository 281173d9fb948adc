import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import { curlExample, type CurlOperation } from "@/lib/api/openapi/curl-example";
import { fieldRows, typeLabel, type FieldRow } from "@/lib/api/openapi/reference-rows";
import { referenceResources, schemasOf, type ReferenceResource } from "@/lib/api/openapi/reference-contents";

// The OpenAPI document as pages: contents, then a page per resource with a curl line per
// operation, server-rendered from the same object /api/v1/openapi.json serves, with nothing
// loaded from elsewhere.

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: string; required: boolean; schema: Schema; description?: string };
type Response = { description: string; content?: Record<string, { schema: Schema }> };
type OperationObject = { operationId: string; summary: string; description?: string; tags: string[]; parameters: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, Response> };
export type ApiDocument = { info: { title: string; description: string }; servers: { url: string }[]; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, Schema> } };

const methodColours: Record<string, string> = {
  get: "bg-sky-100 text-sky-800",
  post: "bg-green-100 text-green-800",
  patch: "bg-amber-100 text-amber-800",
  put: "bg-amber-100 text-amber-800",
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

type Where = { spaceId: string; base: string };

function CurlBlock({ path, method, op, where }: { path: string; method: string; op: OperationObject; where: Where }) {
  const line = curlExample({ origin: "$SWITCHBOARD_URL", base: where.base, path, method, op: op as unknown as CurlOperation, spaceId: where.spaceId });
  return (
    <div>
      <div className="mb-1 flex items-center justify-between gap-2">
        <h4 className="text-xs font-semibold uppercase text-slate-500">Example</h4>
        <CopyButton value={line} label={`curl example of ${op.operationId}`} />
      </div>
      <pre aria-label={`curl example of ${op.operationId}`} className="overflow-x-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100">{line}</pre>
    </div>
  );
}

function OperationSection({ path, method, op, where }: { path: string; method: string; op: OperationObject; where: Where }) {
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
      <CurlBlock path={path} method={method} op={op} where={where} />
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

function Schemas({ names, doc }: { names: string[]; doc: ApiDocument }) {
  return (
    <section className="space-y-3">
      <h2 className="text-base font-semibold">Schemas</h2>
      {names.map((name) => (
        <div key={name} id={`schema-${name}`} className="rounded-lg border border-slate-200 bg-white p-5">
          <h3 className="mb-2 font-mono text-sm font-semibold">{name}</h3>
          <Fields label={`Schema ${name}`} rows={fieldRows(doc.components.schemas[name] ?? {})} />
        </div>
      ))}
    </section>
  );
}

function GettingStarted({ doc, origin }: { doc: ApiDocument; origin: string }) {
  const base = doc.servers[0]?.url ?? "/api/v1";
  const setup = `export SWITCHBOARD_URL=${origin}\nexport SWITCHBOARD_API_KEY=sb_live_...   # Settings → API keys`;
  return (
    <section aria-label="Getting started" className="space-y-2 rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-700">
      <h2 className="text-base font-semibold text-slate-900">{doc.info.title}</h2>
      <p>{doc.info.description}</p>
      <p>Paths are under <code>{base}</code>. The machine-readable document: <a className="text-brand-700 underline" href={`${base}/openapi.json`}>{base}/openapi.json</a> (OpenAPI 3.1). Every example below runs as it is in a shell once these are set:</p>
      <div className="flex items-start gap-2">
        <pre aria-label="Environment for the examples" className="min-w-0 flex-1 overflow-x-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100">{setup}</pre>
        <CopyButton value={setup} label="environment for the examples" />
      </div>
    </section>
  );
}

const resourceHref = (spaceId: string, slug: string) => `/s/${spaceId}/settings/api-reference/${slug}`;

/** The reference's first page: what to set, then every resource with its operations. */
export function ApiReferenceIndex({ doc, spaceId, origin }: { doc: ApiDocument; spaceId: string; origin: string }) {
  const resources = referenceResources(doc);
  return (
    <div className="min-w-0 max-w-5xl space-y-8">
      <GettingStarted doc={doc} origin={origin} />
      <nav aria-label="Contents" className="space-y-4">
        <h2 className="text-base font-semibold">Contents</h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {resources.map((r) => (
            <li key={r.slug} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
              <Link className="font-semibold text-brand-700 underline" href={resourceHref(spaceId, r.slug)}>{r.tag}</Link>
              <ul className="mt-2 space-y-1 text-xs">
                {r.operations.map((o) => (
                  <li key={o.operationId}>
                    <Link className="hover:underline" href={`${resourceHref(spaceId, r.slug)}#${o.operationId}`}>
                      <span className="font-mono font-semibold uppercase">{o.method}</span> <span className="break-all font-mono">{o.path}</span> · {o.summary}
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

/** One resource: its contents, each operation with fields and a curl line, and its schemas. */
export function ApiReferenceResource({ doc, resource, spaceId }: { doc: ApiDocument; resource: ReferenceResource; spaceId: string }) {
  const where: Where = { spaceId, base: doc.servers[0]?.url ?? "/api/v1" };
  return (
    <div className="max-w-5xl space-y-8">
      <p className="text-sm"><Link className="text-brand-700 underline" href={`/s/${spaceId}/settings/api-reference`}>API reference</Link> / {resource.tag}</p>
      <nav aria-label={`${resource.tag} operations`}>
        <h2 className="mb-2 text-base font-semibold">{resource.tag}</h2>
        <ul className="space-y-1 text-sm">
          {resource.operations.map((o) => (
            <li key={o.operationId}><a className="text-brand-700 hover:underline" href={`#${o.operationId}`}><span className="font-mono text-xs font-semibold uppercase">{o.method}</span> {o.summary}</a></li>
          ))}
        </ul>
      </nav>
      {resource.operations.map((o) => <OperationSection key={o.operationId} path={o.path} method={o.method} op={o.op as unknown as OperationObject} where={where} />)}
      <Schemas names={schemasOf(resource, doc)} doc={doc} />
    </div>
  );
}
