// DELETE: revoke an API key at once (owner or admin; an owner's key only by an owner).
// API key or session; Space from the URL; another Space's key is a 404.
import { withSpaceRoute } from "@/lib/api/with-space-route";
import { revokeApiKey } from "@/lib/api-keys/service";

export const DELETE = withSpaceRoute<{ spaceId: string; keyId: string }>(
  async ({ ctx, params }) => {
    await revokeApiKey(ctx, params.keyId);
    return new Response(null, { status: 204 });
  },
  { noBody: true },
);
