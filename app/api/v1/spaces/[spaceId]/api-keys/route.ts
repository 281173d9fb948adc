// GET: the Space's live API keys (name, prefix, role, created, last use; never a secret).
// POST: create one (owner or admin signed in; an API key cannot create keys); the secret is
// in this answer only. API key or session; Space from the URL.
import { parseBody, withSpaceRoute } from "@/lib/api/with-space-route";
import { createApiKeyInput } from "@/lib/api-keys/schemas";
import { createApiKey, listApiKeys } from "@/lib/api-keys/service";

export const GET = withSpaceRoute(async ({ ctx }) => Response.json({ items: await listApiKeys(ctx) }));

// Not idempotent on purpose: a replay store would have to keep the secret.
export const POST = withSpaceRoute(async ({ ctx, request }) => {
  const body = await parseBody(request, createApiKeyInput);
  if (!body.ok) return body.response;
  return Response.json(await createApiKey(ctx, body.data), { status: 201, headers: { "cache-control": "no-store" } });
});
