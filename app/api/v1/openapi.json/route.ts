// GET: the OpenAPI 3.1 document of /api/v1, generated from the schemas the routes parse.
// Public (it describes the API, not any Space's data); built once per process.
import { buildOpenApiDocument } from "@/lib/api/openapi/document";

let cached: string | undefined;

export const GET = async (): Promise<Response> => {
  cached ??= JSON.stringify(buildOpenApiDocument(), null, 2);
  return new Response(cached, { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" } });
};
