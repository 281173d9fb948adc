// GET one call's transcript (turns oldest first). API key or session; Space from the URL,
// another Space's call is the same 404 as a missing one.
import { withSpaceRoute } from "@/lib/api/with-space-route";
import { getTranscript } from "@/lib/calls/transcripts/get-transcript";

type P = { spaceId: string; callId: string };

export const GET = withSpaceRoute<P>(async ({ ctx, params }) => Response.json(await getTranscript(ctx, params.callId)));
