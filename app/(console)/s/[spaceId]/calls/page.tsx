import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSpace } from "@/lib/auth/session";

export default async function CallsPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  await requireSpace(spaceId);
  return (
    <>
      <PageHeader title="Calls" description="Inbound and outbound calls handled by your agents." />
      <EmptyState title="No calls yet" body="Calls appear here once a number with an agent receives or places one." />
    </>
  );
}
