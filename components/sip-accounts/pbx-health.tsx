import { Badge } from "@/components/ui/badge";
import type { VerifyReport } from "@/lib/provisioning/verify-checks";

/**
 * The PBX's health as the last Verify saw it ("PBX reachable": the SIP edge's OPTIONS probe),
 * with the probe's own words as the tooltip: the round trip, or why it failed.
 */
export function PbxHealth({ report }: { report: VerifyReport | null }) {
  const probe = report?.checks.find((c) => c.name === "PBX reachable");
  if (!probe) return <span className="text-slate-500">Not probed yet</span>;
  const rtt = /in (\d+) ms/.exec(probe.reason)?.[1];
  return (
    <span title={probe.reason} className="inline-flex items-center gap-2">
      {probe.status === "ok" ? <Badge tone="green">Reachable{rtt ? ` · ${rtt} ms` : ""}</Badge> : probe.status === "failed" ? <Badge tone="red">Unreachable</Badge> : <Badge tone="slate">Not probed</Badge>}
    </span>
  );
}
