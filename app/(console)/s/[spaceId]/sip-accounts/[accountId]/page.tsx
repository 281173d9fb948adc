import { notFound } from "next/navigation";
import { AccountPage } from "@/components/sip-accounts/account-page";
import { roleAtLeast } from "@/lib/auth/roles";
import { requireSpace } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { publicSipParameters } from "@/lib/platform/public-sip";
import { getSipAccount } from "@/lib/sip-accounts/list-sip-accounts";

export default async function SipAccountPage({ params }: { params: Promise<{ spaceId: string; accountId: string }> }) {
  const { spaceId, accountId } = await params;
  const ctx = await requireSpace(spaceId);
  const account = await getSipAccount(ctx, accountId).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return <AccountPage spaceId={spaceId} initial={account} platform={await publicSipParameters()} canManage={roleAtLeast(ctx.role, "ADMIN")} isOwner={roleAtLeast(ctx.role, "OWNER")} />;
}
