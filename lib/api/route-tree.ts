import fs from "node:fs";
import path from "node:path";

// The REST API as the file system defines it: every route.ts under app/api/v1 and the HTTP
// methods it exports. The OpenAPI test and the e2e cross-Space matrix both start from this,
// so a new route cannot go undocumented or untested.

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type RouteFileOperation = {
  method: HttpMethod;
  /** The route as Next.js names it, under /api/v1: /spaces/[spaceId]/sip-accounts/[accountId]. */
  route: string;
  /** The same in OpenAPI's spelling: /spaces/{spaceId}/sip-accounts/{accountId}. */
  openApiPath: string;
};

const EXPORTED_METHOD = new RegExp(`export\\s+(?:const|(?:async\\s+)?function)\\s+(${HTTP_METHODS.join("|")})\\b`, "g");

export function exportedMethods(source: string): HttpMethod[] {
  return [...source.matchAll(EXPORTED_METHOD)].map((m) => m[1] as HttpMethod);
}

export function toOpenApiPath(route: string): string {
  return route.replace(/\[([^\]/]+)\]/g, "{$1}");
}

/** Every exported method of every route.ts under `root` (app/api/v1 by default), sorted. */
export function walkRouteTree(root = path.join(process.cwd(), "app", "api", "v1")): RouteFileOperation[] {
  const out: RouteFileOperation[] = [];
  const visit = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // Route groups "(name)" do not appear in URLs.
        visit(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      } else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
        const route = `/${segments.join("/")}`;
        for (const method of exportedMethods(fs.readFileSync(path.join(dir, entry.name), "utf8"))) {
          out.push({ method, route, openApiPath: toOpenApiPath(route) });
        }
      }
    }
  };
  visit(root, []);
  return out.sort((a, b) => a.route.localeCompare(b.route) || a.method.localeCompare(b.method));
}
