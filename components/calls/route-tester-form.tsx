"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/forms/apply-action-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { testRouteAction } from "@/lib/edge/actions";
import { routeTestInput, type RouteTestInput, type RouteVerdict } from "@/lib/edge/route-test-schema";

/** The facts of an INVITE in; the route it would take, rule by rule, out. */
export function RouteTesterForm({ spaceId }: { spaceId: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<RouteVerdict | null>(null);
  const form = useForm<RouteTestInput>({
    resolver: zodResolver(routeTestInput),
    defaultValues: { calledNumber: "", sourceAddress: "", transport: "udp", authenticates: false },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await testRouteAction(spaceId, values);
    if (!result.ok) return setFormError(applyActionErrors(form.setError, result) ?? null);
    setVerdict(result.data);
  });
  const errors = form.formState.errors;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label="Route tester">
        <FormError message={formError} />
        <TextField label="Called number" placeholder="+14155552671" help="As your PBX sends it in To: with or without +, or in national form." error={errors.calledNumber?.message} {...form.register("calledNumber")} />
        <TextField label="Source address" placeholder="203.0.113.7" help="The address the PBX sends its INVITEs from." error={errors.sourceAddress?.message} {...form.register("sourceAddress")} />
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">Transport</legend>
          <div className="flex gap-4 text-sm">
            {(["udp", "tcp", "tls"] as const).map((t) => (
              <label key={t} className="flex items-center gap-1">
                <input type="radio" value={t} {...form.register("transport")} /> {t.toUpperCase()}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" {...form.register("authenticates")} /> The PBX answers a password challenge (digest)
        </label>
        <div><Button type="submit" disabled={form.formState.isSubmitting}>Test route</Button></div>
      </form>
      <section aria-label="Verdict" aria-live="polite" className="rounded-md border border-slate-200 p-4">
        {verdict ? <VerdictView verdict={verdict} /> : <p className="text-sm text-slate-600">The verdict appears here: each rule the call meets, in order, and the one that refuses it.</p>}
      </section>
    </div>
  );
}

function VerdictView({ verdict }: { verdict: RouteVerdict }) {
  return (
    <div className="space-y-3 text-sm">
      <p data-testid="route-verdict" className="font-semibold">
        {verdict.result === "answered"
          ? `Answered: ${verdict.account?.name ?? "the account"} takes it for ${verdict.number}, and ${verdict.agent} answers.`
          : verdict.sipCode
            ? `Refused: your PBX is answered ${verdict.sipCode}.`
            : "Refused: your PBX gets no answer at all."}
      </p>
      <ol className="space-y-2">
        {verdict.steps.map((step) => (
          <li key={step.rule} data-testid="route-step">
            <span className="font-medium">{step.rule}</span> <Badge tone={step.outcome === "pass" ? "green" : "red"}>{step.outcome === "pass" ? "Pass" : "Refuses"}</Badge>
            <p className="text-slate-600">{step.detail}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
