"use client";

import { useState } from "react";
import { refreshAllSipAccountsAction } from "@/lib/sip-accounts/actions";
import { Button } from "@/components/ui/button";
import type { RefreshAllSummary } from "@/lib/sip-accounts/refresh-all";
import type { SipAccountView } from "@/lib/sip-accounts/view";

/**
 * Refresh all: reprovisions every account of the Space in one server-side run (the same as
 * the REST API's refresh-all), which lists LiveKit once for all of them instead of once per
 * account, then summarises what changed and what failed.
 */
export function RefreshAllButton({ spaceId, accounts, onFinished }: { spaceId: string; accounts: SipAccountView[]; onFinished: () => void }) {
  const [running, setRunning] = useState(false);
  const [summary, setSummary] = useState<RefreshAllSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setSummary(null);
    setError(null);
    setRunning(true);
    try {
      const r = await refreshAllSipAccountsAction(spaceId, {});
      if (r.ok) setSummary(r.data);
      else setError(r.formError ?? "Refresh all failed. Try again in a moment.");
    } catch {
      setError("The console could not be reached. Check your connection and try again.");
    } finally {
      setRunning(false);
      onFinished();
    }
  };

  return (
    <div className="space-y-2">
      <Button variant="secondary" disabled={running || accounts.length === 0} onClick={run}>
        {running ? `Refreshing ${accounts.length} account${accounts.length === 1 ? "" : "s"}…` : "Refresh all"}
      </Button>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      {summary ? (
        <div role="status" data-testid="refresh-all-summary" className="rounded-md border border-slate-200 p-3 text-sm">
          <p className="font-medium">
            Refresh all: {summary.changed.length} changed, {summary.unchanged} unchanged, {summary.failed.length} failed.
          </p>
          <ul className="mt-1 space-y-0.5 text-slate-700">
            {summary.changed.map((c) => (
              <li key={c.accountId}><strong>{c.accountName}</strong>: {c.changes.join("; ")}</li>
            ))}
            {summary.failed.map((f) => (
              <li key={f.accountId}><strong>{f.accountName}</strong>: failed — {f.reason}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
