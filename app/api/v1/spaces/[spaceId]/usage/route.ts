// GET the Space's usage from the call log: calls and billable seconds by UTC day, direction
// and number (from, to: UTC days, both included; default this month), as JSON or, with
// format=csv, as a CSV file. Any member or key of the Space.
import { withSpaceRoute } from "@/lib/api/with-space-route";
import { usageResponse } from "@/lib/usage/usage-response";

export const GET = withSpaceRoute(async ({ ctx, request }) => usageResponse(ctx.spaceId, request));
