import "server-only";
import { parseOr422 } from "@/lib/api/with-space-route";
import { usageCsv } from "./aggregate";
import { usageQuery } from "./schemas";
import { spaceUsage } from "./service";

/** The usage answer both the Space's API and the admin API give: JSON, or CSV with format=csv. */
export async function usageResponse(spaceId: string, request: Request): Promise<Response> {
  const query = parseOr422(usageQuery, Object.fromEntries(new URL(request.url).searchParams));
  if (!query.ok) return query.response;
  const report = await spaceUsage({ spaceId }, query.data);
  if (query.data.format === "json") return Response.json(report);
  return new Response(usageCsv(report.rows), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="usage-${report.from}-to-${report.to}.csv"` },
  });
}
