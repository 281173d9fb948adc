import { AgentsPanel } from "@/components/agents/agents-panel";
import { roleAtLeast } from "@/lib/auth/roles";
import { requireSpace } from "@/lib/auth/session";

export default async function AgentsPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const ctx = await requireSpace(spaceId);
  return <AgentsPanel spaceId={spaceId} canManage={roleAtLeast(ctx.role, "ADMIN")} />;
}
