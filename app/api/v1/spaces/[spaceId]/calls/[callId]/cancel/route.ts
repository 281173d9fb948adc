// POST: cancel a queued or scheduled call (200 with the call; 409 once it is dialling or over).
// Owners and admins, by session or API key; another Space's call is the same 404 as a missing one.
import { withSpaceRoute } from "@/lib/api/with-space-route";
import { cancelCall } from "@/lib/calls/cancel-call";

type P = { spaceId: string; callId: string };

export const POST = withSpaceRoute<P>(async ({ ctx, params }) => Response.json(await cancelCall(ctx, params.callId)), { noBody: true });
