// GET one batch: progress by status and a page of its rows (cursor, limit). API key or
// session; Space from the URL (another Space's id is the same 404 as a missing one).
import { parseOr422, withSpaceRoute } from "@/lib/api/with-space-route";
import { getBatch } from "@/lib/calls/batches/get-batch";
import { batchRowsQuery } from "@/lib/calls/batches/schemas";

type P = { spaceId: string; batchId: string };

export const GET = withSpaceRoute<P>(async ({ ctx, params, request }) => {
  const query = parseOr422(batchRowsQuery, Object.fromEntries(new URL(request.url).searchParams));
  if (!query.ok) return query.response;
  return Response.json(await getBatch(ctx, params.batchId, query.data));
});
