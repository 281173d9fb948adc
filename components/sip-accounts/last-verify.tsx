import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format/date-time";
import type { VerifyReport } from "@/lib/provisioning/verify-checks";

/** The last Verify in one line: its verdict and when it ran. */
export function LastVerify({ report }: { report: VerifyReport | null }) {
  if (!report) return <span className="text-slate-500">Never verified</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      {report.ok ? <Badge tone="green">All OK</Badge> : <Badge tone="red">Failed</Badge>}
      <time dateTime={report.verifiedAt} className="whitespace-nowrap text-xs text-slate-500">
        {formatDateTime(report.verifiedAt)}
      </time>
    </span>
  );
}
