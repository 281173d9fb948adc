"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/api-keys/actions";
import { applyActionErrors } from "@/components/forms/apply-action-errors";
import { useActionMutation } from "@/components/forms/use-action-mutation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { FormError } from "@/components/ui/form-error";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/field";
import { apiKeyInputFromFields, createApiKeyFields, keyLifetimes, type ApiKeyView, type CreateApiKeyFields } from "@/lib/api-keys/schemas";
import { roleAtLeast, roleLabels, spaceRoles, type SpaceRoleName } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format/date-time";
import { getJson } from "@/lib/http/get-json";
import { apiKeyKeys } from "@/lib/http/query-keys";

function when(iso: string | null): string {
  return formatDateTime(iso, "Never");
}

/** "No expiry" rather than "Never": "Never" is what Last used says of an unused key. */
function expiry(iso: string | null): string {
  if (iso === null) return "No expiry";
  return `${new Date(iso).getTime() <= Date.now() ? "Expired " : ""}${formatDateTime(iso, "")}`;
}

const LIFETIMES = keyLifetimes.map((l) => ({ value: l.days === null ? "" : String(l.days), label: l.label }));

/** The secret, once: it is not stored anywhere it could be shown from again. */
function NewSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
      <p className="font-medium">Key “{name}” created. Copy it now: it will not be shown again.</p>
      <div className="flex items-center gap-2">
        <code data-testid="new-api-key-secret" className="break-all rounded bg-white px-2 py-1 font-mono text-xs">{secret}</code>
        <CopyButton value={secret} label="API key" />
      </div>
      <p className="text-slate-700">Send it as <code>Authorization: Bearer &lt;key&gt;</code>.</p>
      <Button variant="secondary" onClick={onDone}>Done</Button>
    </div>
  );
}

function CreateKeyForm({ spaceId, callerRole, onCreated }: { spaceId: string; callerRole: SpaceRoleName; onCreated: (name: string, secret: string) => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateApiKeyFields, unknown, z.output<typeof createApiKeyFields>>({ resolver: zodResolver(createApiKeyFields), defaultValues: { name: "", role: "MEMBER", expires: "" } });
  const roles = spaceRoles.filter((r) => roleAtLeast(callerRole, r)).map((r) => ({ value: r, label: roleLabels[r] }));
  const create = useActionMutation((values: z.output<typeof createApiKeyFields>) => createApiKeyAction(spaceId, apiKeyInputFromFields(values)), [apiKeyKeys.all(spaceId)]);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await create.mutateAsync(values);
    if (!result.ok) {
      // The server names the lifetime expiresInDays; the form holds it as `expires`.
      const { expiresInDays, ...fieldErrors } = result.fieldErrors ?? {};
      if (expiresInDays?.[0]) form.setError("expires", { type: "server", message: expiresInDays[0] });
      return setFormError(applyActionErrors(form.setError, { ...result, fieldErrors }) ?? null);
    }
    form.reset();
    onCreated(result.data.key.name, result.data.secret);
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormError message={formError} />
      <TextField label="Key name" help="What will use it, e.g. “CRM sync”." error={form.formState.errors.name?.message} {...form.register("name")} />
      <SelectField label="Role" options={roles} help="What the key may do, as a member with this role." error={form.formState.errors.role?.message} {...form.register("role")} />
      <SelectField
        label="Expires"
        options={LIFETIMES}
        help="From then on the key answers 401 everywhere; create a new one before."
        error={form.formState.errors.expires?.message}
        {...form.register("expires")}
      />
      <div><Button type="submit" disabled={form.formState.isSubmitting}>Create key</Button></div>
    </form>
  );
}

/** The Space's live keys: the server's list first, then the REST GET after each create or revoke. */
function useApiKeys(spaceId: string, initialData: ApiKeyView[]) {
  return useQuery({
    queryKey: apiKeyKeys.list(spaceId),
    queryFn: async () => (await getJson<{ items: ApiKeyView[] }>(`/api/v1/spaces/${spaceId}/api-keys`, "the API keys")).items,
    initialData,
  });
}

export function ApiKeysPanel({ spaceId, keys: initialKeys, callerRole, canManage }: { spaceId: string; keys: ApiKeyView[]; callerRole: SpaceRoleName; canManage: boolean }) {
  const keys = useApiKeys(spaceId, initialKeys).data;
  const revokeKey = useActionMutation((keyId: string) => revokeApiKeyAction(spaceId, { keyId }), [apiKeyKeys.all(spaceId)]);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    if (!revoking) return;
    const result = await revokeKey.mutateAsync(revoking.id).catch(() => null);
    setRevoking(null);
    setError(result?.ok ? null : (result?.formError ?? "The key could not be revoked."));
  }

  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm text-slate-600">
        Keys call the <Link className="text-brand-700 underline" href={`/s/${spaceId}/settings/api-reference`}>REST API</Link> for this Space only, with the role they were given.
      </p>
      <FormError message={error} />
      {created ? <NewSecret name={created.name} secret={created.secret} onDone={() => setCreated(null)} /> : null}
      <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm" aria-label="API keys">
          <thead className="border-b border-slate-200 text-left text-slate-500">
            <tr><th className="px-4 py-2 font-medium">Name</th><th className="px-4 py-2 font-medium">Key</th><th className="px-4 py-2 font-medium">Role</th><th className="px-4 py-2 font-medium">Created</th><th className="px-4 py-2 font-medium">Last used</th><th className="px-4 py-2 font-medium">Expires</th><th className="px-4 py-2" /></tr>
          </thead>
          <tbody>
            {keys.length === 0 ? (
              <tr><td colSpan={7} className="px-4 py-6 text-center text-slate-500">No API keys yet.</td></tr>
            ) : (
              keys.map((k) => (
                <tr key={k.id} data-testid="api-key-row" className="border-b border-slate-100 last:border-0">
                  <td className="px-4 py-2">{k.name}</td>
                  <td className="px-4 py-2 font-mono text-xs">{k.prefix}…</td>
                  <td className="px-4 py-2">{roleLabels[k.role]}</td>
                  <td className="px-4 py-2">{when(k.createdAt)}</td>
                  <td className="px-4 py-2">{when(k.lastUsedAt)}</td>
                  <td className="px-4 py-2" data-testid="api-key-expires">{expiry(k.expiresAt)}</td>
                  <td className="px-4 py-2 text-right">
                    {canManage && roleAtLeast(callerRole, k.role) ? <Button variant="ghost" aria-label={`Revoke ${k.name}`} onClick={() => setRevoking(k)}>Revoke</Button> : null}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>
      {canManage ? (
        <section className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 className="mb-4 text-base font-semibold">Create an API key</h2>
          <CreateKeyForm spaceId={spaceId} callerRole={callerRole} onCreated={(name, secret) => setCreated({ name, secret })} />
        </section>
      ) : (
        <p className="text-sm text-slate-600">Only owners and admins can create or revoke API keys.</p>
      )}
      <ConfirmDialog open={revoking !== null} title="Revoke this API key?" confirmLabel="Revoke key" danger busy={revokeKey.isPending} onConfirm={revoke} onCancel={() => setRevoking(null)}>
        <p>“{revoking?.name}” stops working at once. Anything that uses it will get 401 answers.</p>
      </ConfirmDialog>
    </div>
  );
}
