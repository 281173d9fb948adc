import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSpace } from "@/lib/auth/session";

export default async function AgentsPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  await requireSpace(spaceId);
  return (
    <>
      <PageHeader title="Agents" description="The AI voice agents that answer and place calls." />
      <EmptyState title="No agents yet" body="Agents you create here can be assigned to your phone numbers." />
    </>
  );
}
