import Link from "next/link";
import { BatchesList } from "@/components/batches/batches-list";
import { PageHeader } from "@/components/ui/page-header";
import { roleAtLeast } from "@/lib/auth/roles";
import { requireSpace } from "@/lib/auth/session";
import { listBatches } from "@/lib/calls/batches/list-batches";

export default async function BatchesPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const ctx = await requireSpace(spaceId);
  const batches = await listBatches(ctx);
  const canStart = roleAtLeast(ctx.role, "ADMIN");
  const newBatch = canStart ? (
    <Link href={`/s/${spaceId}/batches/new`} className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">New batch</Link>
  ) : null;
  return (
    <>
      <PageHeader title="Batches" description="Many outbound calls at once, from a CSV file of numbers." actions={newBatch} />
      <BatchesList spaceId={spaceId} initial={batches} canStart={canStart} />
    </>
  );
}
