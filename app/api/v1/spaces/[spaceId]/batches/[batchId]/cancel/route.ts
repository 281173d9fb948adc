// POST: cancel a batch: its queued calls are cancelled, calls already dialling finish (no
// body; owners and admins). API key or session; Space from the URL.
import { withSpaceRoute } from "@/lib/api/with-space-route";
import { cancelBatch } from "@/lib/calls/batches/cancel-batch";

export const POST = withSpaceRoute<{ spaceId: string; batchId: string }>(async ({ ctx, params }) => Response.json(await cancelBatch(ctx, params.batchId)), { noBody: true });
