import { PhoneNumbersList } from "@/components/phone-numbers/phone-numbers-list";
import { TakenOverNotice } from "@/components/phone-numbers/taken-over-notice";
import { ImportNumberMenu } from "@/components/sip-accounts/import-number-menu";
import { PageHeader } from "@/components/ui/page-header";
import { roleAtLeast } from "@/lib/auth/roles";
import { requireSpace } from "@/lib/auth/session";
import { serverEnv } from "@/lib/env";
import { listTakenOverNumbers } from "@/lib/phone-numbers/ownership";
import { publicSipParameters } from "@/lib/platform/public-sip";

export default async function PhoneNumbersPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const ctx = await requireSpace(spaceId);
  const canManage = roleAtLeast(ctx.role, "ADMIN");
  const importMenu = <ImportNumberMenu spaceId={spaceId} ipMode={serverEnv().DEPLOYMENT_MODE} platform={await publicSipParameters()} canManage={canManage} />;
  return (
    <>
      <PageHeader title="Phone Numbers" description="Numbers routed from your PBX to AI agents." actions={importMenu} />
      <TakenOverNotice numbers={await listTakenOverNumbers(ctx)} />
      <PhoneNumbersList spaceId={spaceId} canManage={canManage} />
    </>
  );
}
