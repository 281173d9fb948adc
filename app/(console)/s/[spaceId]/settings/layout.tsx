import { SettingsTabs } from "@/components/settings/settings-tabs";
import { PageHeader } from "@/components/ui/page-header";

export default async function SettingsLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ spaceId: string }>;
}) {
  const { spaceId } = await params;
  return (
    <>
      <PageHeader title="Settings" />
      <SettingsTabs spaceId={spaceId}>{children}</SettingsTabs>
    </>
  );
}
