"use client";

import { clsx } from "clsx";
import { useState } from "react";
import { useActionMutation } from "@/components/forms/use-action-mutation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { SelectField } from "@/components/ui/select-field";
import { formatDateTime } from "@/lib/format/date-time";
import { startSelfTestAction } from "@/lib/sip-accounts/self-test/actions";
import type { SelfTestLeg } from "@/lib/sip-accounts/self-test/judge";
import type { SelfTestView } from "@/lib/sip-accounts/self-test/view";
import { sipAccountKeys } from "@/lib/http/query-keys";
import { useSelfTests } from "./use-self-tests";

const card = "space-y-4 rounded-lg border border-slate-200 bg-white p-5";

const verdictBadge: Record<SelfTestView["state"], { tone: "green" | "red" | "amber"; text: string }> = {
  running: { tone: "amber", text: "Running…" },
  passed: { tone: "green", text: "Passed" },
  failed: { tone: "red", text: "Failed" },
};

const legMark: Record<SelfTestLeg["state"], { symbol: string; words: string; className: string }> = {
  ok: { symbol: "✓", words: "OK", className: "text-green-700" },
  failed: { symbol: "✕", words: "Failed", className: "text-red-700" },
  waiting: { symbol: "…", words: "Waiting", className: "text-amber-700" },
  not_reached: { symbol: "–", words: "Not reached", className: "text-slate-500" },
};

/**
 * "Round-trip self-test": one button calls one of the account's numbers out through the PBX and
 * expects it straight back in to the number's agent; each leg shows with its SIP code and
 * time, and the verdict names the failing leg and its fix.
 */
export function SelfTestPanel({ spaceId, accountId, numbers, canRun }: { spaceId: string; accountId: string; numbers: string[]; canRun: boolean }) {
  const tests = useSelfTests(spaceId, accountId);
  const [number, setNumber] = useState("");
  const [error, setError] = useState<string | null>(null);
  const start = useActionMutation(() => startSelfTestAction(spaceId, { accountId, ...(number ? { number } : {}) }), [sipAccountKeys.selfTests(spaceId, accountId)]);
  const run = async () => {
    setError(null);
    const result = await start.mutateAsync(undefined).catch(() => null);
    if (!result) setError("The self-test could not be started. Try again.");
    else if (!result.ok) setError(result.fieldErrors?.number?.[0] ?? result.fieldErrors?._form?.[0] ?? result.formError ?? "The self-test could not be started.");
  };
  const [latest, ...earlier] = tests.data ?? [];
  const running = latest?.state === "running";

  return (
    <section aria-labelledby="self-test" className={card}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="self-test" className="text-base font-semibold">Round-trip self-test</h2>
        {canRun ? (
          <div className="flex flex-wrap items-end gap-2">
            {numbers.length > 1 ? (
              <SelectField
                label="Number to call"
                className="w-56"
                options={[{ value: "", label: "First with an inbound agent" }, ...numbers.map((n) => ({ value: n, label: n }))]}
                onChange={(e) => setNumber(e.target.value)}
              />
            ) : null}
            <Button variant="secondary" disabled={start.isPending || running || numbers.length === 0} onClick={() => void run()}>
              {start.isPending ? "Starting…" : "Run self-test"}
            </Button>
          </div>
        ) : null}
      </div>
      <p className="max-w-prose text-sm text-slate-600">
        Calls one of this account&apos;s numbers, from itself, out through your PBX. Your PBX should send it straight back in, where the number&apos;s agent answers; then the
        test hangs up. It takes at most a minute and a half, and names the leg that fails.
        {numbers.length === 0 ? " Bind a number to this account first." : ""}
      </p>
      <FormError message={error} />
      {latest ? <SelfTestResult test={latest} /> : <p className="text-sm text-slate-500">{tests.isPending ? "Loading…" : "Not run yet."}</p>}
      {earlier.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">Earlier self-tests ({earlier.length})</summary>
          <ul aria-label="Earlier self-tests" className="mt-2 space-y-1 text-slate-700">
            {earlier.map((t) => (
              <li key={t.id}>
                {formatDateTime(t.startedAt)} · {t.number} · <Badge tone={verdictBadge[t.state].tone}>{verdictBadge[t.state].text}</Badge>
                {t.failedLeg ? ` at “${t.legs.find((l) => l.key === t.failedLeg)?.title ?? t.failedLeg}”` : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function SelfTestResult({ test }: { test: SelfTestView }) {
  const badge = verdictBadge[test.state];
  return (
    <div className="space-y-3" data-testid="self-test-result">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={badge.tone}>{badge.text}</Badge>
        <span className="text-slate-700">{test.number} · started {formatDateTime(test.startedAt)} by {test.startedBy}</span>
      </div>
      <p className="text-sm" role={test.state === "running" ? undefined : "status"}>{test.summary}</p>
      {test.fix ? <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="self-test-fix">{test.fix}</p> : null}
      <ol aria-label="Legs" className="space-y-2">
        {test.legs.map((leg) => (
          <li key={leg.key} data-leg={leg.key} data-state={leg.state} className="flex gap-2 text-sm">
            <span aria-hidden className={clsx("w-4 shrink-0 font-semibold", legMark[leg.state].className)}>{legMark[leg.state].symbol}</span>
            <div className="min-w-0">
              <p className="font-medium">
                {leg.title} <span className="sr-only">: {legMark[leg.state].words}</span>
                {leg.sipCode !== null ? <span className="ml-2 font-mono text-xs text-slate-600">SIP {leg.sipCode}</span> : null}
                {leg.atMs !== null ? <span className="ml-2 text-xs text-slate-500">+{(leg.atMs / 1000).toFixed(1)} s</span> : null}
              </p>
              <p className="text-slate-600">{leg.detail}</p>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
