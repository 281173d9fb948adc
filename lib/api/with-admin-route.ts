import "server-only";
import { userIsDeploymentAdmin } from "@/lib/admin/deployment-admin";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import { serverEnv } from "@/lib/env";
import { consoleOrigins, cookieWriteRefusal } from "./cookie-write-guard";
import { errorToProblem, problem, unauthorizedProblem } from "./problem";

type Params = Record<string, string>;
type Handler<P extends Params> = (args: { admin: SessionUser; params: P; request: Request }) => Promise<Response>;

const NOT_ADMIN = "Only the deployment's administrator may use the admin API.";

/**
 * Wraps a route of the deployment's admin API (/api/admin/...): a session of a deployment
 * administrator only. API keys belong to a Space, so one is refused here (403) like a
 * signed-in user who administers nothing; no session at all is a 401. Cookie writes must
 * come from the console's origin, as on /api/v1.
 */
export function withAdminRoute<P extends Params = Params>(handler: Handler<P>) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    if (request.headers.get("authorization") !== null) return problem(403, "Forbidden", { detail: NOT_ADMIN });
    const user = await currentUser();
    if (!user) return unauthorizedProblem("Sign in as the deployment's administrator.");
    if (!(await userIsDeploymentAdmin(user.id))) return problem(403, "Forbidden", { detail: NOT_ADMIN });
    const bodyText = request.method === "GET" ? "" : await request.clone().text();
    const refusal = request.method === "GET" ? null : cookieWriteRefusal(request, consoleOrigins(request, serverEnv().NEXTAUTH_URL), bodyText);
    if (refusal) return problem(refusal.status, refusal.status === 403 ? "Forbidden" : "Unsupported media type", { detail: refusal.detail });
    try {
      return await handler({ admin: user, params: await params, request });
    } catch (err) {
      return errorToProblem(err);
    }
  };
}
