// GET: the Space's latest batches with their progress, newest first.
// API key or session; Space from the URL.
import { withSpaceRoute } from "@/lib/api/with-space-route";
import { listBatches } from "@/lib/calls/batches/list-batches";

export const GET = withSpaceRoute(async ({ ctx }) => Response.json({ items: await listBatches(ctx) }));
