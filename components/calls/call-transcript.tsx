import { formatDateTime } from "@/lib/format/date-time";
import type { TranscriptView } from "@/lib/calls/transcripts/schemas";

/** The call page's transcript: who said what, when, key presses and barge-ins in plain words. */
export function CallTranscript({ transcript }: { transcript: TranscriptView }) {
  if (transcript.turns.length === 0) {
    return (
      <p className="text-sm text-slate-500">
        {transcript.retentionDays === 0 ? "This Space keeps no transcripts (Settings → Platform)." : "No transcript: nothing was said yet, or it was deleted after the Space's retention."}
      </p>
    );
  }
  return (
    <ol className="space-y-1 text-sm" aria-label="Transcript">
      {transcript.turns.map((t, i) => (
        <li key={i} className="flex flex-wrap gap-x-3" data-testid="transcript-turn">
          <span className="w-48 shrink-0 text-slate-500">{formatDateTime(t.at)}</span>
          <span className="w-16 shrink-0 font-medium text-slate-900">{t.speaker === "caller" ? "Caller" : "Agent"}</span>
          <span className="min-w-0 break-words text-slate-800">
            {t.kind === "key" ? `Pressed the key ${t.text}` : t.text}
            {t.interrupted ? <span className="ml-2 text-xs text-amber-700">(interrupted by the caller)</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
