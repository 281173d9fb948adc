import { DeploymentSettingsForm } from "@/components/admin/deployment-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireDeploymentAdmin } from "@/lib/admin/deployment-admin";
import { readDeploymentSettings } from "@/lib/admin/deployment-settings";
import { fieldsFromSettings } from "@/lib/admin/settings-schemas";
import { serverEnv } from "@/lib/env";
import { capCeilings } from "@/lib/spaces/outbound-caps";

export const dynamic = "force-dynamic";

export default async function AdminSettingsPage() {
  await requireDeploymentAdmin();
  const settings = await readDeploymentSettings();
  const env = serverEnv();
  return (
    <>
      <PageHeader title="Deployment settings" description="Stored in the database; a value set here wins over the environment." />
      <DeploymentSettingsForm initial={fieldsFromSettings(settings)} env={{ sipPublicDomain: env.SIP_PUBLIC_DOMAIN, sipPublicIps: env.SIP_PUBLIC_IPS, ceilings: capCeilings() }} />
    </>
  );
}
