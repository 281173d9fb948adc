import { redirect } from "next/navigation";

export default async function SpaceHome({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  redirect(`/s/${spaceId}/phone-numbers`);
}
