import { WebhooksPanel } from "@/components/webhooks/webhooks-panel";
import { roleAtLeast } from "@/lib/auth/roles";
import { requireSpace } from "@/lib/auth/session";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";

export default async function WebhooksSettingsPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const ctx = await requireSpace(spaceId);
  const endpoints = await listWebhookEndpoints(ctx);
  return <WebhooksPanel spaceId={spaceId} initialEndpoints={endpoints} canManage={roleAtLeast(ctx.role, "ADMIN")} />;
}
