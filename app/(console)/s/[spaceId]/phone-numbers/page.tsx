import { ImportNumberMenu } from "@/components/sip-accounts/import-number-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { roleAtLeast } from "@/lib/auth/roles";
import { requireSpace } from "@/lib/auth/session";
import { serverEnv } from "@/lib/env";
import { publicSipParameters } from "@/lib/platform/public-sip";

export default async function PhoneNumbersPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const ctx = await requireSpace(spaceId);
  const importMenu = (
    <ImportNumberMenu spaceId={spaceId} ipMode={serverEnv().DEPLOYMENT_MODE} platform={publicSipParameters()} canManage={roleAtLeast(ctx.role, "ADMIN")} />
  );
  return (
    <>
      <PageHeader title="Phone Numbers" description="Numbers routed from your PBX to AI agents." actions={importMenu} />
      <EmptyState
        title="No phone numbers yet"
        body="Import a number from your own PBX or SIP trunk, then assign the agent that answers it."
      />
    </>
  );
}
