import { notFound } from "next/navigation";
import { BatchDetailView } from "@/components/batches/batch-detail";
import { roleAtLeast } from "@/lib/auth/roles";
import { requireSpace } from "@/lib/auth/session";
import { getBatch } from "@/lib/calls/batches/get-batch";
import { NotFoundError } from "@/lib/errors";

export default async function BatchPage({ params }: { params: Promise<{ spaceId: string; batchId: string }> }) {
  const { spaceId, batchId } = await params;
  const ctx = await requireSpace(spaceId);
  const batch = await getBatch(ctx, batchId).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return <BatchDetailView spaceId={spaceId} initial={batch} canManage={roleAtLeast(ctx.role, "ADMIN")} />;
}
