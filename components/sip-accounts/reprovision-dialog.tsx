"use client";

import { useState } from "react";
import { previewReprovisionAction, recreateSipAccountAction, reprovisionSipAccountAction } from "@/lib/sip-accounts/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/ui/form-error";
import type { ReprovisionPreview } from "@/lib/sip-accounts/reprovision-preview";

type Stage = { kind: "closed" } | { kind: "preview"; preview: ReprovisionPreview | null } | { kind: "recreate"; preview: ReprovisionPreview | null };

function activeCallsText(preview: ReprovisionPreview | null): string {
  if (!preview || preview.activeCalls === null) return "Active calls could not be counted: LiveKit did not answer.";
  return `${preview.activeCalls} call${preview.activeCalls === 1 ? " is" : "s are"} active on this account right now.`;
}

/**
 * Reprovision with a look first: active calls (asked of LiveKit) and what will change. The
 * default repairs in place and drops nothing; "Recreate from scratch" sits behind a second
 * confirmation because it drops every call on the account.
 */
export function ReprovisionControl({ spaceId, accountId, onDone }: { spaceId: string; accountId: string; onDone: (message: string, failed: boolean) => void }) {
  const [stage, setStage] = useState<Stage>({ kind: "closed" });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = async () => {
    setError(null);
    setBusy(true);
    setStage({ kind: "preview", preview: null });
    const result = await previewReprovisionAction(spaceId, { accountId });
    setBusy(false);
    if (!result.ok) return setError(result.formError ?? "Could not prepare the preview.");
    setStage({ kind: "preview", preview: result.data });
  };

  const run = async (recreate: boolean) => {
    setBusy(true);
    const result = await (recreate ? recreateSipAccountAction : reprovisionSipAccountAction)(spaceId, { accountId });
    setBusy(false);
    setStage({ kind: "closed" });
    if (!result.ok) return onDone(result.formError ?? "Reprovision failed.", true);
    if (result.data.failed) return onDone(result.data.account.provisioning.reason ?? "Reprovision failed.", true);
    const verb = recreate ? "Recreated" : "Reprovisioned";
    onDone(result.data.changes.length ? `${verb}: ${result.data.changes.join("; ")}.` : `${verb}: LiveKit already matched, nothing changed.`, false);
  };

  const preview = stage.kind === "closed" ? null : stage.preview;
  return (
    <>
      <Button variant="secondary" onClick={open}>Reprovision</Button>
      <ConfirmDialog
        open={stage.kind === "preview"}
        title="Reprovision this account?"
        confirmLabel="Reprovision"
        busy={busy}
        onCancel={() => setStage({ kind: "closed" })}
        onConfirm={() => run(false)}
      >
        <FormError message={error} />
        {preview === null && !error ? <p>Checking LiveKit…</p> : null}
        {preview ? (
          <>
            <p data-testid="active-calls">{activeCallsText(preview)} Reprovision updates the trunks and dispatch rules in place: calls in progress are not dropped.</p>
            {preview.changes.length ? (
              <>
                <p className="font-medium">It will repair:</p>
                <ul data-testid="reprovision-preview" className="list-disc space-y-1 pl-5">
                  {preview.changes.map((c) => <li key={c}>{c}</li>)}
                </ul>
              </>
            ) : (
              <p data-testid="reprovision-preview">LiveKit already matches the console: nothing will change.</p>
            )}
            <div className="border-t border-slate-200 pt-2">
              <Button variant="ghost" className="text-red-700" onClick={() => setStage({ kind: "recreate", preview })}>Recreate from scratch…</Button>
            </div>
          </>
        ) : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={stage.kind === "recreate"}
        title="Recreate from scratch?"
        confirmLabel="Delete, recreate and drop calls"
        danger
        busy={busy}
        onCancel={() => setStage({ kind: "preview", preview })}
        onConfirm={() => run(true)}
      >
        <p className="font-medium text-red-800">This deletes the account&apos;s LiveKit trunks and dispatch rules and creates them again. Any active calls going through them will drop, and inbound calls fail until the new trunks exist.</p>
        <p data-testid="recreate-active-calls">{activeCallsText(preview)}</p>
        <p>Prefer Reprovision unless it could not repair the account.</p>
      </ConfirmDialog>
    </>
  );
}
