import Link from "next/link";
import { CarrierAccountsButton } from "@/components/admin/carrier-accounts-button";
import { PlatformNumbersTable } from "@/components/admin/platform-numbers-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireDeploymentAdmin } from "@/lib/admin/deployment-admin";
import { listSpacesOverview } from "@/lib/admin/spaces";
import { serverEnv } from "@/lib/env";
import { platformCarrierLabel, platformSpaceId } from "@/lib/platform-numbers/platform-space";
import { listPlatformNumbers } from "@/lib/platform-numbers/pool";
import { publicSipParameters } from "@/lib/platform/public-sip";

export const dynamic = "force-dynamic";

export default async function AdminCarrierPage() {
  // Layouts and pages render in parallel: the page checks too, so no data is read for anyone else.
  await requireDeploymentAdmin();
  const [spaceId, numbers, spaces] = await Promise.all([platformSpaceId(), listPlatformNumbers(), listSpacesOverview()]);
  const actions = <CarrierAccountsButton platformSpaceId={spaceId} ipMode={serverEnv().DEPLOYMENT_MODE} platform={await publicSipParameters()} />;
  return (
    <>
      <PageHeader
        title="Platform carrier"
        description={`The deployment's own carrier trunk (${platformCarrierLabel()}) for Spaces without a PBX. Its connections are Custom SIP accounts; the numbers bound to them form the pool, which you assign to Spaces. A Space sees its numbers marked "Platform number".`}
        actions={actions}
      />
      <p className="mb-4 text-sm">
        <Link className="text-brand-600 hover:underline" href={`/s/${spaceId}/sip-accounts`}>Open the carrier accounts</Link>
        <span className="text-slate-600"> for Verify, Reprovision, their refused calls and settings.</span>
      </p>
      <h2 className="mb-2 text-base font-semibold">Platform numbers</h2>
      <PlatformNumbersTable numbers={numbers} spaces={spaces.map((s) => ({ id: s.id, name: s.name }))} />
    </>
  );
}
