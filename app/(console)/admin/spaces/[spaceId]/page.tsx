import Link from "next/link";
import { SpaceLimitsForm } from "@/components/admin/space-limits-form";
import { SuspendSpaceButton } from "@/components/admin/suspend-space-button";
import { PageHeader } from "@/components/ui/page-header";
import { FormError } from "@/components/ui/form-error";
import { UsageReportView } from "@/components/usage/usage-report";
import { requireDeploymentAdmin } from "@/lib/admin/deployment-admin";
import { findSpaceOverview } from "@/lib/admin/spaces";
import { NotFoundError } from "@/lib/errors";
import { usageQuery } from "@/lib/usage/schemas";
import { spaceUsage } from "@/lib/usage/service";
import { notFound } from "next/navigation";

export const dynamic = "force-dynamic";

export default async function AdminSpacePage({ params, searchParams }: { params: Promise<{ spaceId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireDeploymentAdmin();
  const { spaceId } = await params;
  const space = await findSpaceOverview(spaceId).catch((err: unknown) => (err instanceof NotFoundError ? notFound() : Promise.reject(err)));
  const asked = await searchParams;
  const parsed = usageQuery.safeParse({ from: asked.from || undefined, to: asked.to || undefined });
  const report = await spaceUsage({ spaceId }, parsed.success ? parsed.data : {});
  return (
    <div className="max-w-5xl space-y-6">
      <Link className="text-sm text-brand-600 hover:underline" href="/admin">← All Spaces</Link>
      <PageHeader
        title={space.name}
        description={`${space.suspendedAt ? "Suspended" : "Active"} · ${space.members} members · ${space.sipAccounts} SIP accounts · ${space.phoneNumbers} numbers · owners: ${space.owners.join(", ") || "none"}`}
        actions={<SuspendSpaceButton spaceId={space.id} spaceName={space.name} suspended={space.suspendedAt !== null} />}
      />
      <section className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="mb-3 text-base font-semibold">Limits</h2>
        <SpaceLimitsForm spaceId={space.id} initial={space.monthlyMinutesLimit} />
      </section>
      <section className="space-y-3">
        <h2 className="text-base font-semibold">Usage</h2>
        {parsed.success ? null : <FormError message={parsed.error.issues.map((i) => i.message).join(" ")} />}
        <UsageReportView report={report} csvHref={`/api/admin/spaces/${space.id}/usage?from=${report.from}&to=${report.to}&format=csv`} formAction={`/admin/spaces/${space.id}`} />
      </section>
    </div>
  );
}
