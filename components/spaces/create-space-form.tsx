"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createSpaceAction } from "@/lib/spaces/actions";
import { applyActionErrors } from "@/components/forms/apply-action-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { createSpaceInput } from "@/lib/spaces/schemas";

export function CreateSpaceForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof createSpaceInput>, unknown, z.output<typeof createSpaceInput>>({
    resolver: zodResolver(createSpaceInput),
    defaultValues: { name: "" },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createSpaceAction(values);
    if (!result.ok) return setFormError(applyActionErrors(form.setError, result) ?? null);
    router.push(`/s/${result.data.spaceId}/phone-numbers`);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError message={formError} />
      <TextField label="Space name" error={form.formState.errors.name?.message} {...form.register("name")} />
      <Button type="submit" disabled={form.formState.isSubmitting}>Create Space</Button>
    </form>
  );
}
