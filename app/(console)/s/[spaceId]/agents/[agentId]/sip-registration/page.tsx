import { notFound } from "next/navigation";
import { SipRegistrationPanel } from "@/components/agents/sip-registration-panel";
import { findAgent } from "@/lib/agents/repository";
import { roleAtLeast } from "@/lib/auth/roles";
import { requireSpace } from "@/lib/auth/session";
import { edgeMode } from "@/lib/edge/edge-mode";
import { NotFoundError } from "@/lib/errors";

export default async function AgentSipRegistrationPage({ params }: { params: Promise<{ spaceId: string; agentId: string }> }) {
  const { spaceId, agentId } = await params;
  const ctx = await requireSpace(spaceId);
  const agent = await findAgent(ctx, agentId).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return <SipRegistrationPanel spaceId={spaceId} agentId={agent.id} agentName={agent.name} canManage={roleAtLeast(ctx.role, "ADMIN")} edgeAvailable={edgeMode()} />;
}
