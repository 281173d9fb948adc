import { PublicSipPanel } from "@/components/settings/public-sip-panel";
import { requireSpace } from "@/lib/auth/session";
import { publicSipParameters } from "@/lib/platform/public-sip";

export default async function PlatformSettingsPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  await requireSpace(spaceId);
  return (
    <section className="max-w-3xl rounded-lg border border-slate-200 bg-white p-6">
      <h2 className="text-base font-semibold">Platform SIP parameters</h2>
      <p className="mb-4 mt-1 text-sm text-slate-600">
        Hand these to your PBX admin. Your PBX sends inbound calls to the <strong>Domain</strong>; its firewall must accept
        our outbound calls from <strong>Our SIP server IPs</strong>.
      </p>
      <PublicSipPanel params={publicSipParameters()} />
    </section>
  );
}
