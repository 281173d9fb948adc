import Link from "next/link";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { signUpIsInviteOnly } from "@/lib/admin/sign-up-policy";

export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  // The administrator's choice (Admin → Settings); the action enforces it again.
  const inviteOnly = await signUpIsInviteOnly();
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">Create your account</h1>
      {inviteOnly ? (
        <p role="note" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Sign-up on this deployment is by invitation only: use the email address you were invited with.
        </p>
      ) : null}
      <SignUpForm />
      <p className="mt-4 text-center text-sm text-slate-600">
        Already have an account? <Link className="text-brand-600 hover:underline" href="/sign-in">Sign in</Link>
      </p>
    </>
  );
}
