"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { applyRefusalFixAction } from "@/lib/edge/actions";
import { Button } from "@/components/ui/button";
import type { RefusalFix } from "@/lib/edge/refusal-explanations";

/** The one-click fix beside a refused call (allow the address, bind the number); its outcome is announced. */
export function RefusalFixButton({ spaceId, refusedCallId, fix }: { spaceId: string; refusedCallId: string; fix: RefusalFix }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async () => {
    setBusy(true);
    const result = await applyRefusalFixAction(spaceId, { refusedCallId });
    setBusy(false);
    if (result.ok) {
      setOutcome({ ok: true, text: result.data.done });
      router.refresh();
    } else {
      const fieldText = Object.values(result.fieldErrors ?? {}).flat()[0];
      setOutcome({ ok: false, text: result.formError ?? fieldText ?? "The fix could not be applied." });
    }
  };
  return (
    <div className="flex flex-col items-start gap-1">
      {outcome?.ok ? null : <Button variant="secondary" disabled={busy} onClick={run}>{busy ? "Applying…" : fix.label}</Button>}
      <p role="status" className={outcome?.ok ? "text-xs text-green-700" : "text-xs text-red-700"}>{outcome?.text ?? ""}</p>
    </div>
  );
}
