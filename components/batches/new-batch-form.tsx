"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/forms/apply-action-errors";
import { Button } from "@/components/ui/button";
import { inputClass, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SelectField } from "@/components/ui/select-field";
import { createBatchFromCsvAction } from "@/lib/calls/batches/actions";
import { createBatchFromCsvInput, type CreateBatchFromCsvFields, type CreateBatchFromCsvInput } from "@/lib/calls/batches/schemas";

// The file is read when the form is sent, not when it is picked: an operator who fixes the
// file and sends again gets the new content even if the browser saw no change of file.
// The server parses it and answers every bad line, which are listed under the file field.

type Options = { numbers: { number: string; label: string | null; account: string }[]; agents: { id: string; name: string }[] };

export function NewBatchForm({ spaceId, options }: { spaceId: string; options: Options }) {
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [lineErrors, setLineErrors] = useState<string[]>([]);
  const form = useForm<CreateBatchFromCsvFields, unknown, CreateBatchFromCsvInput>({
    resolver: zodResolver(createBatchFromCsvInput),
    defaultValues: { name: "", from: options.numbers[0]?.number ?? "", agentId: "", maxConcurrency: 5, csv: "" },
  });
  const create = useMutation({ mutationFn: (values: CreateBatchFromCsvInput) => createBatchFromCsvAction(spaceId, values) });

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    setLineErrors([]);
    const result = await create.mutateAsync(values);
    if (!result.ok) {
      setLineErrors(result.fieldErrors?.csv ?? []);
      return setFormError(applyActionErrors(form.setError, { ...result, fieldErrors: { ...result.fieldErrors, csv: [] } }) ?? null);
    }
    router.push(`/s/${spaceId}/batches/${result.data.id}`);
  });
  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    form.setValue("csv", file ? await file.text() : "");
    await submit();
  };

  const clientError = form.formState.errors.csv?.message;
  const csvErrors = clientError ? [clientError] : lineErrors;
  const agents = [{ value: "", label: "The number's outbound agent" }, ...options.agents.map((a) => ({ value: a.id, label: a.name }))];
  const numbers = options.numbers.map((n) => ({ value: n.number, label: `${n.number}${n.label ? ` (${n.label})` : ""} · ${n.account}` }));
  if (numbers.length === 0) {
    return <FormError message="Bind a number to an account with a SIP server address first: batches call from it." />;
  }
  return (
    <form onSubmit={onSubmit} className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-6" noValidate aria-label="New batch">
      <FormError message={formError} />
      <TextField label="Name" help="Optional; shown in the batches list." error={form.formState.errors.name?.message} {...form.register("name")} />
      <SelectField label="From" options={numbers} help="The caller ID of every call, and the account that dials." error={form.formState.errors.from?.message} {...form.register("from")} />
      <SelectField label="Agent" options={agents} error={form.formState.errors.agentId?.message} {...form.register("agentId")} />
      <TextField label="Max concurrency" type="number" min={1} max={100} help="Calls of this batch in progress at once (1 to 100); the account's own limits apply too." error={form.formState.errors.maxConcurrency?.message} {...form.register("maxConcurrency", { valueAsNumber: true })} />
      <div className="space-y-1">
        <label htmlFor="batch-csv" className="block text-sm font-medium text-slate-800">CSV file</label>
        <input ref={fileRef} id="batch-csv" type="file" accept=".csv,text/csv,text/plain" aria-invalid={csvErrors.length > 0 ? true : undefined} aria-describedby={csvErrors.length > 0 ? "batch-csv-errors" : "batch-csv-help"} className={inputClass} onChange={() => { setLineErrors([]); form.clearErrors("csv"); }} />
        <p id="batch-csv-help" className="text-xs text-slate-500">A header line with a <code>to</code> column (or phone, phone_number, number); every other column is a variable for the agent. At most 10,000 rows. Nothing is queued while any line is wrong.</p>
        {csvErrors.length > 0 ? (
          <ul id="batch-csv-errors" role="alert" aria-label="Problems in the file" className="max-h-64 list-disc space-y-0.5 overflow-y-auto pl-5 text-xs text-red-600">
            {csvErrors.map((e, i) => <li key={i}>{e}</li>)}
          </ul>
        ) : null}
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? "Starting…" : "Start batch"}</Button>
    </form>
  );
}
