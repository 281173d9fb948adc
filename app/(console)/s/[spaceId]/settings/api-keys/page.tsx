import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { requireSpace } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/roles";
import { listApiKeys } from "@/lib/api-keys/service";

export default async function ApiKeysSettingsPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const ctx = await requireSpace(spaceId);
  const keys = await listApiKeys(ctx);
  return <ApiKeysPanel spaceId={spaceId} keys={keys} callerRole={ctx.role} canManage={roleAtLeast(ctx.role, "ADMIN")} />;
}
