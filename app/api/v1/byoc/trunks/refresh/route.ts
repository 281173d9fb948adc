// POST {phoneNumber}: repair the number's trunks and dispatch rule in place (its account is
// reprovisioned; calls keep going). Spends the Space's Reprovision budget (in the service).
// API key only; the Space is the key's.
import { problem } from "@/lib/api/problem";
import { withKeyRoute } from "@/lib/api/with-key-route";
import { parseBody } from "@/lib/api/with-space-route";
import { refreshByocTrunks } from "@/lib/byoc/refresh-byoc-trunks";
import { byocSchemas } from "@/lib/byoc/server-schemas";

export const POST = withKeyRoute(async ({ ctx, request }) => {
  const body = await parseBody(request, byocSchemas().refreshByocTrunksBody);
  if (!body.ok) return body.response;
  const result = await refreshByocTrunks(ctx, body.data.phoneNumber);
  if (result.failure !== null) return problem(503, "LiveKit unavailable", { detail: result.failure, phoneNumber: result.number });
  return Response.json({ number: result.number, changes: result.changes });
});
