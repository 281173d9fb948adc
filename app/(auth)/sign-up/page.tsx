import Link from "next/link";
import { SignUpForm } from "@/components/auth/sign-up-form";

export default function SignUpPage() {
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">Create your account</h1>
      <SignUpForm />
      <p className="mt-4 text-center text-sm text-slate-600">
        Already have an account? <Link className="text-brand-600 hover:underline" href="/sign-in">Sign in</Link>
      </p>
    </>
  );
}
