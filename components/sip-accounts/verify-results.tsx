import { Badge } from "@/components/ui/badge";
import type { VerifyReport } from "@/lib/provisioning/verify-checks";
import { formatDateTime } from "@/lib/format/date-time";

const tone = { ok: "green", failed: "red", skipped: "slate" } as const;
const label = { ok: "OK", failed: "Failed", skipped: "Skipped" } as const;

/** The four Verify checks, each OK / Failed / Skipped with its reason and suggested fix. */
export function VerifyResults({ report }: { report: VerifyReport }) {
  return (
    <section aria-label="Verify results" className="space-y-2 rounded-md border border-slate-200 p-3">
      <p className="text-xs text-slate-500">
        Last verified <time dateTime={report.verifiedAt}>{formatDateTime(report.verifiedAt)}</time>:{" "}
        <strong className={report.ok ? "text-green-700" : "text-red-700"}>{report.ok ? "all checks passed" : "some checks failed"}</strong>
      </p>
      <ul className="space-y-2">
        {report.checks.map((check) => (
          <li key={check.name} data-testid={`check-${check.name}`} className="text-sm">
            <div className="flex items-center gap-2">
              <span className="font-medium">{check.name}</span>
              <Badge tone={tone[check.status]}>{label[check.status]}</Badge>
            </div>
            <p className="text-slate-600">{check.reason}</p>
            {check.fix ? <p className="text-slate-800">Fix: {check.fix}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
