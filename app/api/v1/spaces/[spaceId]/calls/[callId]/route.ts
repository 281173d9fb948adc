// GET one call with its timeline. Another Space's id is the same 404 as a missing one.
import { withSpaceRoute } from "@/lib/api/with-space-route";
import { getCall } from "@/lib/calls/service";

type P = { spaceId: string; callId: string };

export const GET = withSpaceRoute<P>(async ({ ctx, params }) => Response.json(await getCall(ctx, params.callId)));
