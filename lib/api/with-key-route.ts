import "server-only";
import type { SpaceContext } from "@/lib/spaces/context";
import { resolveKeyCaller } from "./resolve-caller";
import { runAsCaller, type RouteOptions } from "./with-space-route";

type Params = Record<string, string>;
type Handler<P extends Params> = (args: { ctx: SpaceContext; params: P; request: Request }) => Promise<Response>;

/**
 * Wraps a REST route whose URL names no Space (/api/v1/byoc/...): the Space is the API key's,
 * so a resource of another Space is simply not found. Same body rules, idempotency and
 * problem+json mapping as withSpaceRoute.
 */
export function withKeyRoute<P extends Params = Params>(handler: Handler<P>, options: RouteOptions = {}) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    const resolved = await params;
    const who = await resolveKeyCaller(request);
    if (!who.ok) return who.response;
    return runAsCaller(request, who.caller, (ctx, req) => handler({ ctx, params: resolved, request: req }), options);
  };
}
