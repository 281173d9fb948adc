// POST { spaceId }: assigns a pool number to a Space (200; 409 when assigned already; 422 on a
// Space that does not exist; 503 when saved but LiveKit was left behind).
import { savedButUnavailable } from "@/lib/api/problem";
import { withAdminRoute } from "@/lib/api/with-admin-route";
import { parseBody } from "@/lib/api/with-space-route";
import { assignPlatformNumber } from "@/lib/platform-numbers/pool";
import { assignPlatformNumberInput } from "@/lib/platform-numbers/schemas";

export const POST = withAdminRoute<{ numberId: string }>(async ({ params, request }) => {
  const body = await parseBody(request, assignPlatformNumberInput);
  if (!body.ok) return body.response;
  const result = await assignPlatformNumber(params.numberId, body.data);
  if (result.provisioningFailed) return savedButUnavailable(result.number.provisioning.reason ?? undefined, { platformNumber: result.number });
  return Response.json(result.number);
});
