"use client";

import { useState } from "react";
import { reprovisionSipAccountAction } from "@/app/(console)/s/[spaceId]/phone-numbers/sip-account-actions";
import { Button } from "@/components/ui/button";
import type { SipAccountView } from "@/lib/sip-accounts/view";

const CONCURRENCY = 3;

type Outcome = { name: string; kind: "changed" | "unchanged" | "failed"; text: string };

/**
 * Refresh all: reprovisions every account of the Space from the browser, a few at a time,
 * so progress shows as each finishes; the REST API's refresh-all does the same server-side.
 */
export function RefreshAllButton({ spaceId, accounts, onFinished }: { spaceId: string; accounts: SipAccountView[]; onFinished: () => void }) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);

  const run = async () => {
    const results: Outcome[] = [];
    setOutcomes(null);
    setProgress({ done: 0, total: accounts.length });
    let next = 0;
    const worker = async () => {
      while (next < accounts.length) {
        const account = accounts[next++]!;
        const r = await reprovisionSipAccountAction(spaceId, { accountId: account.id });
        if (!r.ok) results.push({ name: account.accountName, kind: "failed", text: r.formError ?? "failed" });
        else if (r.data.failed) results.push({ name: account.accountName, kind: "failed", text: r.data.account.provisioning.reason ?? "failed" });
        else results.push({ name: account.accountName, kind: r.data.changes.length ? "changed" : "unchanged", text: r.data.changes.join("; ") || "nothing to change" });
        setProgress((p) => (p ? { ...p, done: p.done + 1 } : p));
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, accounts.length) }, worker));
    setOutcomes(results);
    setProgress(null);
    onFinished();
  };

  const count = (kind: Outcome["kind"]) => outcomes?.filter((o) => o.kind === kind).length ?? 0;
  return (
    <div className="space-y-2">
      <Button variant="secondary" disabled={progress !== null || accounts.length === 0} onClick={run}>
        {progress ? `Refreshing ${progress.done} of ${progress.total}…` : "Refresh all"}
      </Button>
      {outcomes ? (
        <div role="status" data-testid="refresh-all-summary" className="rounded-md border border-slate-200 p-3 text-sm">
          <p className="font-medium">Refresh all: {count("changed")} changed, {count("unchanged")} unchanged, {count("failed")} failed.</p>
          <ul className="mt-1 space-y-0.5 text-slate-700">
            {outcomes.filter((o) => o.kind !== "unchanged").map((o) => (
              <li key={o.name}><strong>{o.name}</strong>: {o.kind === "failed" ? "failed — " : ""}{o.text}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
