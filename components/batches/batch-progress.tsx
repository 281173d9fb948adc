import { Badge } from "@/components/ui/badge";
import type { BatchState, BatchView } from "@/lib/calls/batches/repository";
import { callStatuses, type CallStatusName } from "@/lib/calls/status";

const stateLabels: Record<BatchState, string> = { running: "Running", completed: "Completed", cancelled: "Cancelled" };
const stateTones: Record<BatchState, "amber" | "green" | "slate"> = { running: "amber", completed: "green", cancelled: "slate" };
const statusWords: Record<CallStatusName, string> = {
  queued: "queued", dialing: "dialling", ringing: "ringing", in_progress: "in progress", completed: "completed", failed: "failed", busy: "busy", no_answer: "no answer", cancelled: "cancelled",
};

export function BatchStateBadge({ state }: { state: BatchState }) {
  return <Badge tone={stateTones[state]}>{stateLabels[state]}</Badge>;
}

/** A bar of finished calls and the non-zero counts by status, in the queue's order. */
export function BatchProgress({ batch }: { batch: BatchView }) {
  const percent = batch.total === 0 ? 0 : Math.round((batch.finished / batch.total) * 100);
  const parts = callStatuses.filter((s) => batch.counts[s] > 0).map((s) => `${batch.counts[s].toLocaleString("en")} ${statusWords[s]}`);
  return (
    <div className="min-w-48 space-y-1">
      <div role="progressbar" aria-label={`${batch.name} progress`} aria-valuemin={0} aria-valuemax={batch.total} aria-valuenow={batch.finished} className="h-1.5 rounded-full bg-slate-200">
        <div className="h-1.5 rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-slate-600" data-testid="batch-counts">{parts.join(" · ") || "No calls"}</p>
    </div>
  );
}
