// GET: the Space's refused inbound calls, newest first ({ items, nextCursor }; accountId,
// limit, cursor), each with its cause in plain words and the fix to offer.
import { parseOr422, withSpaceRoute } from "@/lib/api/with-space-route";
import { listRefusedCalls, listRefusedCallsQuery } from "@/lib/edge/refused-calls";

export const GET = withSpaceRoute(async ({ ctx, request }) => {
  const query = parseOr422(listRefusedCallsQuery, Object.fromEntries(new URL(request.url).searchParams));
  if (!query.ok) return query.response;
  return Response.json(await listRefusedCalls(ctx, query.data));
});
