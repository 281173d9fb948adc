import { SpacesTable } from "@/components/admin/spaces-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireDeploymentAdmin } from "@/lib/admin/deployment-admin";
import { listSpacesOverview } from "@/lib/admin/spaces";

export const dynamic = "force-dynamic";

export default async function AdminSpacesPage() {
  // Layouts and pages render in parallel: the page checks too, so no data is read for anyone else.
  await requireDeploymentAdmin();
  const spaces = await listSpacesOverview();
  return (
    <>
      <PageHeader title="Spaces" description="Every Space of this deployment. Calls and minutes count the current UTC month; minutes are answered calls' billable time." />
      <SpacesTable spaces={spaces} />
    </>
  );
}
