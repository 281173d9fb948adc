import { AutoRepairToggle } from "@/components/settings/auto-repair-toggle";
import { OutboundCapsForm } from "@/components/settings/outbound-caps-form";
import { PublicSipPanel } from "@/components/settings/public-sip-panel";
import { TranscriptRetentionForm } from "@/components/settings/transcript-retention-form";
import { roleAtLeast } from "@/lib/auth/roles";
import { requireSpace } from "@/lib/auth/session";
import { getTranscriptRetention } from "@/lib/calls/transcripts/retention";
import { publicSipParameters } from "@/lib/platform/public-sip";
import { getAutoRepair } from "@/lib/spaces/auto-repair";
import { getOutboundCaps } from "@/lib/spaces/outbound-caps";

export default async function PlatformSettingsPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const ctx = await requireSpace(spaceId);
  const [autoRepair, caps, retention] = await Promise.all([getAutoRepair(ctx), getOutboundCaps(ctx), getTranscriptRetention(ctx)]);
  return (
    <div className="max-w-3xl space-y-6">
      <section className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="text-base font-semibold">Platform SIP parameters</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">
          Hand these to your PBX admin. Your PBX sends inbound calls to the <strong>Domain</strong>; its firewall must accept
          our outbound calls from <strong>Our SIP server IPs</strong>.
        </p>
        <PublicSipPanel params={await publicSipParameters()} />
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="mb-3 text-base font-semibold">Provisioning</h2>
        <AutoRepairToggle spaceId={spaceId} initial={autoRepair} canManage={roleAtLeast(ctx.role, "ADMIN")} />
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="mb-3 text-base font-semibold">Outbound calls</h2>
        <OutboundCapsForm spaceId={spaceId} initial={caps} canManage={roleAtLeast(ctx.role, "ADMIN")} />
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="mb-3 text-base font-semibold">Transcripts</h2>
        <TranscriptRetentionForm spaceId={spaceId} initialDays={retention.days} canManage={roleAtLeast(ctx.role, "ADMIN")} />
      </section>
    </div>
  );
}
