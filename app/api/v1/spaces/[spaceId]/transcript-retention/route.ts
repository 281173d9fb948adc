// GET how many days the Space keeps call transcripts; PATCH it (owners and admins; 0 keeps
// none). API key or session; Space from the URL.
import { parseBody, withSpaceRoute } from "@/lib/api/with-space-route";
import { updateRetentionBody } from "@/lib/calls/transcripts/schemas";
import { getTranscriptRetention, setTranscriptRetention } from "@/lib/calls/transcripts/retention";

export const GET = withSpaceRoute(async ({ ctx }) => Response.json(await getTranscriptRetention(ctx)));

export const PATCH = withSpaceRoute(async ({ ctx, request }) => {
  const body = await parseBody(request, updateRetentionBody);
  if (!body.ok) return body.response;
  return Response.json(await setTranscriptRetention(ctx, body.data.days));
});
