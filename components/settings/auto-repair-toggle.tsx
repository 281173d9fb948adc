"use client";

import { useState } from "react";
import { NoticeLine, type Notice } from "@/components/ui/notice";
import { setAutoRepairAction } from "@/lib/spaces/actions";

/** Settings → Platform: repair drift found by the periodic Verify without asking. */
export function AutoRepairToggle({ spaceId, initial, canManage }: { spaceId: string; initial: boolean; canManage: boolean }) {
  const [enabled, setEnabled] = useState(initial);
  const [notice, setNotice] = useState<Notice | null>(null);
  async function change(next: boolean) {
    setEnabled(next);
    const result = await setAutoRepairAction(spaceId, { enabled: next });
    if (!result.ok) setEnabled(!next);
    setNotice(result.ok ? { tone: "ok", text: next ? "Drift is now repaired automatically." : "Drift is now only reported; repair stays your choice." } : { tone: "error", text: result.formError ?? "The setting could not be saved." });
  }
  return (
    <div className="space-y-2">
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5" checked={enabled} disabled={!canManage} onChange={(e) => void change(e.target.checked)} aria-describedby="auto-repair-help" />
        <span className="font-medium">Repair drift automatically</span>
      </label>
      <p id="auto-repair-help" className="text-xs text-slate-500">
        Every account is verified against LiveKit every 10 minutes; drift is shown on its card and sent as sip_account.drift_detected. When this is on, drift is also repaired at once with Reprovision in place (calls keep going).
      </p>
      {notice ? <NoticeLine notice={notice} /> : null}
    </div>
  );
}
