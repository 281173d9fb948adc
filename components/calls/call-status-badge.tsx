import { Badge } from "@/components/ui/badge";
import type { CallStatusName } from "@/lib/calls/status";
import { CALL_STATUS_LABELS } from "@/lib/format/call-event";

const tones: Record<CallStatusName, "green" | "red" | "amber" | "slate"> = {
  queued: "slate",
  dialing: "amber",
  ringing: "amber",
  in_progress: "green",
  completed: "green",
  failed: "red",
  busy: "red",
  no_answer: "red",
  cancelled: "slate",
};

export function CallStatusBadge({ status }: { status: CallStatusName }) {
  return <Badge tone={tones[status]}>{CALL_STATUS_LABELS[status]}</Badge>;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  const m = Math.floor(seconds / 60);
  return `${m}:${String(seconds % 60).padStart(2, "0")}`;
}
