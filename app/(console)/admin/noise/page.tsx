import { SipNoiseView } from "@/components/admin/sip-noise-view";
import { PageHeader } from "@/components/ui/page-header";
import { requireDeploymentAdmin } from "@/lib/admin/deployment-admin";
import { readSipNoise } from "@/lib/admin/sip-noise";

export const dynamic = "force-dynamic";

export default async function AdminSipNoisePage() {
  // Layouts and pages render in parallel: the page checks too, so no data is read for anyone else.
  await requireDeploymentAdmin();
  const noise = await readSipNoise();
  return (
    <>
      <PageHeader
        title="SIP noise"
        description="INVITEs the SIP edge refused that match no account: no bound number, no account listing the address. No Space sees them; scanners and misrouted carriers show up here."
      />
      <SipNoiseView noise={noise} />
    </>
  );
}
