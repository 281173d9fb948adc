import { Badge } from "@/components/ui/badge";
import type { CallStatusName } from "@/lib/calls/status";

const labels: Record<CallStatusName, string> = {
  queued: "Queued",
  dialing: "Dialling",
  ringing: "Ringing",
  in_progress: "In progress",
  completed: "Completed",
  failed: "Failed",
  busy: "Busy",
  no_answer: "No answer",
  cancelled: "Cancelled",
};

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
  return <Badge tone={tones[status]}>{labels[status]}</Badge>;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  const m = Math.floor(seconds / 60);
  return `${m}:${String(seconds % 60).padStart(2, "0")}`;
}
