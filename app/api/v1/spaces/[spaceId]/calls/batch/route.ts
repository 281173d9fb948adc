// POST: start a batch of outbound calls (201 with the batch; 422 naming the bad rows, e.g.
// destinations.17.to, and then nothing is queued). API key or session; Space from the URL.
import { parseBody, withSpaceRoute } from "@/lib/api/with-space-route";
import { createBatch } from "@/lib/calls/batches/create-batch";
import { createBatchInput } from "@/lib/calls/batches/schemas";
import { MIB } from "@/lib/http/read-capped-body";

export const POST = withSpaceRoute(
  async ({ ctx, request }) => {
    const body = await parseBody(request, createBatchInput);
    if (!body.ok) return body.response;
    return Response.json(await createBatch(ctx, body.data), { status: 201 });
  },
  // Up to 10,000 rows with their variables: as much as the console's 5 MB CSV carries.
  { idempotent: true, maxBodyBytes: 6 * MIB },
);
