"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { signUpAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { applyActionErrors } from "@/components/forms/apply-action-errors";
import { signUpInput } from "@/lib/spaces/schemas";

// Shown when signing in with what was typed fails after sign-up: for an existing account with
// another password, or a failed sign-in. Worded so it asserts neither.
const SIGN_IN_INSTEAD = "We could not sign you in. If you already have an account with this email, sign in with its password.";

export function SignUpForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof signUpInput>, unknown, z.output<typeof signUpInput>>({
    resolver: zodResolver(signUpInput),
    defaultValues: { name: "", email: "", password: "", spaceName: "" },
  });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await signUpAction(values);
    if (!result.ok) {
      setFormError(applyActionErrors(form.setError, result) ?? null);
      return;
    }
    const signedIn = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (!signedIn || signedIn.error) {
      setFormError(SIGN_IN_INSTEAD);
      return;
    }
    // The front door opens the user's first Space (the new one, for a new account).
    router.replace("/");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError message={formError} />
      <TextField label="Your name" autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      <TextField label="Password" type="password" autoComplete="new-password" help="At least 10 characters." error={errors.password?.message} {...form.register("password")} />
      <TextField label="Space name" help="Your team or company. You can invite others later." error={errors.spaceName?.message} {...form.register("spaceName")} />
      <Button type="submit" className="w-full" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Creating…" : "Create account"}
      </Button>
    </form>
  );
}
