"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { inviteMemberAction } from "@/lib/spaces/actions";
import { applyActionErrors } from "@/components/forms/apply-action-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { FormError } from "@/components/ui/form-error";
import { inviteMemberInput } from "@/lib/spaces/schemas";

const ROLES = [
  { value: "MEMBER", label: "Member" },
  { value: "ADMIN", label: "Admin" },
  { value: "OWNER", label: "Owner" },
];

export function InviteMemberForm({ spaceId }: { spaceId: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<z.input<typeof inviteMemberInput>, unknown, z.output<typeof inviteMemberInput>>({
    resolver: zodResolver(inviteMemberInput),
    defaultValues: { email: "", role: "MEMBER" },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setDone(null);
    const result = await inviteMemberAction(spaceId, values);
    if (!result.ok) return setFormError(applyActionErrors(form.setError, result) ?? null);
    // Worded for both cases alike: the answer does not say whether the email has an account.
    setDone(`Invitation recorded for ${values.email}. They join this Space at their next visit, or when they sign up with this email.`);
    form.reset();
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormError message={formError} />
      {done ? <p role="status" className="text-sm text-green-700">{done}</p> : null}
      <TextField label="Email" type="email" error={form.formState.errors.email?.message} {...form.register("email")} />
      <SelectField id="invite-role" label="Role" options={ROLES} {...form.register("role")} />
      <div><Button type="submit" disabled={form.formState.isSubmitting}>Invite</Button></div>
    </form>
  );
}
