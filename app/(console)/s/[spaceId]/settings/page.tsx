import { redirect } from "next/navigation";

export default async function SettingsHome({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  redirect(`/s/${spaceId}/settings/platform`);
}
