import { UsageReportView } from "@/components/usage/usage-report";
import { FormError } from "@/components/ui/form-error";
import { requireSpace } from "@/lib/auth/session";
import { usageQuery } from "@/lib/usage/schemas";
import { spaceUsage } from "@/lib/usage/service";

export const dynamic = "force-dynamic";

export default async function UsageSettingsPage({ params, searchParams }: { params: Promise<{ spaceId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { spaceId } = await params;
  const ctx = await requireSpace(spaceId);
  const asked = await searchParams;
  const parsed = usageQuery.safeParse({ from: asked.from || undefined, to: asked.to || undefined });
  // A bad period shows its error above this month's figures.
  const query = parsed.success ? parsed.data : { from: undefined, to: undefined };
  const report = await spaceUsage(ctx, query);
  const csvHref = `/api/v1/spaces/${spaceId}/usage?from=${report.from}&to=${report.to}&format=csv`;
  return (
    <div className="max-w-4xl space-y-4">
      <p className="text-sm text-slate-600">Calls and billable time (answer to hang-up) from the call log, by UTC day and by number.</p>
      {parsed.success ? null : <FormError message={parsed.error.issues.map((i) => i.message).join(" ")} />}
      <UsageReportView report={report} csvHref={csvHref} formAction={`/s/${spaceId}/settings/usage`} />
    </div>
  );
}
