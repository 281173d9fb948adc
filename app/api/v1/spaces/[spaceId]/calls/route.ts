// GET: a page of the Space's calls, newest first ({ items, nextCursor }; filters and paging in listCallsQuery).
// POST: place a call (201 with the queued call; 422 when the from-number cannot dial).
import { parseBody, parseOr422, withSpaceRoute } from "@/lib/api/with-space-route";
import { listCallsQuery, placeCallInput } from "@/lib/calls/schemas";
import { listCalls, placeCall } from "@/lib/calls/service";

export const GET = withSpaceRoute(async ({ ctx, request }) => {
  const query = parseOr422(listCallsQuery, Object.fromEntries(new URL(request.url).searchParams));
  if (!query.ok) return query.response;
  return Response.json(await listCalls(ctx, query.data));
});

export const POST = withSpaceRoute(
  async ({ ctx, request }) => {
    const body = await parseBody(request, placeCallInput);
    if (!body.ok) return body.response;
    return Response.json(await placeCall(ctx, body.data), { status: 201 });
  },
  { idempotent: true },
);
