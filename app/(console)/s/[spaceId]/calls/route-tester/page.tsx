import { RouteTesterForm } from "@/components/calls/route-tester-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireSpace } from "@/lib/auth/session";

export default async function RouteTesterPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  await requireSpace(spaceId);
  return (
    <>
      <PageHeader title="Route tester" description="What happens to an inbound call with these facts: which account, trunk, dispatch rule and agent take it, or which rule refuses it and why. Nothing is called or recorded." />
      <RouteTesterForm spaceId={spaceId} />
    </>
  );
}
