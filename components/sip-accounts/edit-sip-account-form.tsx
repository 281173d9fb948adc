"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { Controller, useForm, useWatch, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { updateSipAccountAction } from "@/lib/sip-accounts/actions";
import { useActionMutation } from "@/components/forms/use-action-mutation";
import { phoneNumberKeys, sipAccountKeys } from "@/lib/http/query-keys";
import { applyActionErrors } from "@/components/forms/apply-action-errors";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import type { IpMode } from "@/lib/net/ipv4";
import { makeSipAccountSchemas, type SipAccountEditFields } from "@/lib/sip-accounts/schemas";
import type { SipAccountView, SipAccountWriteResult } from "@/lib/sip-accounts/view";
import { AccountIdentityFields, type CommonAccountFields } from "./account-common-fields";
import { CredentialGroup } from "./credential-fields";
import { PasswordStateField } from "./password-state-field";
import { useDiscardGuard } from "@/components/ui/discard-guard";

function editValues(account: SipAccountView): SipAccountEditFields {
  return {
    accountName: account.accountName,
    sipServerAddress: account.sipServerAddress ?? "",
    sipTransport: account.sipTransport,
    destinationCountry: account.destinationCountry,
    allowedInboundIps: account.allowedInboundIps.join(", "),
    outboundUsername: account.outboundUsername ?? "",
    outboundPassword: { state: "untouched" },
    inboundUsername: account.inboundUsername ?? "",
    inboundPassword: { state: "untouched" },
    maxConcurrentCalls: account.maxConcurrentCalls === null ? "" : String(account.maxConcurrentCalls),
    callsPerSecond: account.callsPerSecond === null ? "" : String(account.callsPerSecond),
    allowedDestinationCountries: account.allowedDestinationCountries.join(", "),
    allowSpecialNumbers: account.allowSpecialNumbers,
    passHeaders: account.passHeaders.join(", "),
  };
}

export function EditSipAccountForm({
  spaceId,
  ipMode,
  account,
  onSaved,
  onCancel,
}: {
  spaceId: string;
  ipMode: IpMode;
  account: SipAccountView;
  onSaved: (result: SipAccountWriteResult) => void;
  onCancel: () => void;
}) {
  const schema = useMemo(() => makeSipAccountSchemas({ ipMode }).sipAccountEditFields, [ipMode]);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SipAccountEditFields>({ resolver: zodResolver(schema), defaultValues: editValues(account), mode: "onTouched" });
  const errors = form.formState.errors;
  useDiscardGuard(form.formState.isDirty);
  const values = useWatch({ control: form.control }) as SipAccountEditFields;

  const update = useActionMutation((valid: unknown) => updateSipAccountAction(spaceId, account.id, valid), [sipAccountKeys.all(spaceId), phoneNumberKeys.all(spaceId)]);

  const onSubmit = form.handleSubmit(async (valid) => {
    setFormError(null);
    const result = await update.mutateAsync(valid);
    if (!result.ok) return setFormError(applyActionErrors(form.setError, result) ?? null);
    onSaved(result.data);
  });

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate aria-label="Edit Custom SIP account">
      <FormError message={formError} />
      <AccountIdentityFields
        register={form.register as unknown as UseFormRegister<CommonAccountFields>}
        errors={errors as FieldErrors<CommonAccountFields>}
        values={values}
        ipMode={ipMode}
      />
      {(["outbound", "inbound"] as const).map((d) => (
        <CredentialGroup
          key={d}
          direction={d}
          username={form.register(`${d}Username`)}
          usernameError={errors[`${d}Username`]?.message}
          password={(label) => (
            <Controller
              control={form.control}
              name={`${d}Password`}
              render={({ field, fieldState }) => (
                <PasswordStateField label={label} direction={d} value={field.value} onChange={field.onChange} passwordSet={account[`${d}PasswordSet`]} error={fieldState.error?.message} />
              )}
            />
          )}
        />
      ))}
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? "Saving…" : "Save changes"}</Button>
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
