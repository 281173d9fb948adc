import { NewBatchForm } from "@/components/batches/new-batch-form";
import { FormError } from "@/components/ui/form-error";
import { PageHeader } from "@/components/ui/page-header";
import { roleAtLeast } from "@/lib/auth/roles";
import { requireSpace } from "@/lib/auth/session";
import { batchFormOptions } from "@/lib/calls/batches/batch-form-options";

export default async function NewBatchPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const ctx = await requireSpace(spaceId);
  return (
    <>
      <PageHeader title="New batch" description="One call per row of a CSV file, from one of your numbers." />
      {roleAtLeast(ctx.role, "ADMIN") ? <NewBatchForm spaceId={spaceId} options={await batchFormOptions(ctx)} /> : <FormError message="Only owners and admins can start batches." />}
    </>
  );
}
