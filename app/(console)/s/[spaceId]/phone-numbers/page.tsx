import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSpace } from "@/lib/auth/session";

export default async function PhoneNumbersPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  await requireSpace(spaceId);
  return (
    <>
      <PageHeader title="Phone Numbers" description="Numbers routed from your PBX to AI agents." />
      <EmptyState
        title="No phone numbers yet"
        body="Import a number from your own PBX or SIP trunk, then assign the agent that answers it."
        action={<Button>Import number</Button>}
      />
    </>
  );
}
