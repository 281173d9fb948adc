import { ImportNumberMenu } from "@/components/sip-accounts/import-number-menu";
import { SipAccountsList } from "@/components/sip-accounts/sip-accounts-list";
import { PageHeader } from "@/components/ui/page-header";
import { roleAtLeast } from "@/lib/auth/roles";
import { requireSpace } from "@/lib/auth/session";
import { serverEnv } from "@/lib/env";
import { publicSipParameters } from "@/lib/platform/public-sip";

export default async function SipAccountsPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const ctx = await requireSpace(spaceId);
  const canManage = roleAtLeast(ctx.role, "ADMIN");
  // The same Import number menu as on Phone Numbers: the seed's way in stays the only one.
  const importMenu = <ImportNumberMenu spaceId={spaceId} ipMode={serverEnv().DEPLOYMENT_MODE} platform={await publicSipParameters()} canManage={canManage} />;
  return (
    <>
      <PageHeader title="SIP accounts" description="Your PBXs and SIP trunks, their state in LiveKit and their numbers." actions={importMenu} />
      <SipAccountsList spaceId={spaceId} />
    </>
  );
}
