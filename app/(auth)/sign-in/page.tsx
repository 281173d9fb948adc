import Link from "next/link";
import { SignInForm } from "@/components/auth/sign-in-form";

export default function SignInPage() {
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
      <SignInForm />
      <p className="mt-4 text-center text-sm text-slate-600">
        New here? <Link className="text-brand-600 hover:underline" href="/sign-up">Create an account</Link>
      </p>
    </>
  );
}
