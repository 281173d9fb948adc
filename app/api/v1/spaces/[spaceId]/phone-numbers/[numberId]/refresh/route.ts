// POST: refresh one number's trunks by reprovisioning its account in place (calls keep going).
// Spends the Space's Reprovision budget (in the service). API key or session; Space from the URL.
import { problem } from "@/lib/api/problem";
import { withSpaceRoute } from "@/lib/api/with-space-route";
import { refreshPhoneNumber } from "@/lib/phone-numbers/refresh-phone-number";

export const POST = withSpaceRoute<{ spaceId: string; numberId: string }>(
  async ({ ctx, params }) => {
    const result = await refreshPhoneNumber(ctx, params.numberId);
    if (result.failure !== null) return problem(503, "LiveKit unavailable", { detail: result.failure, phoneNumber: result.number });
    return Response.json({ number: result.number, changes: result.changes });
  },
  { noBody: true },
);
