import Link from "next/link";
import { CreateSpaceForm } from "@/components/spaces/create-space-form";
import { requireUser } from "@/lib/auth/session";

export default async function NewSpacePage() {
  await requireUser();
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <h1 className="mb-1 text-lg font-semibold">Create a Space</h1>
      <p className="mb-6 text-sm text-slate-600">A Space holds its own SIP accounts, numbers, agents and calls.</p>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <CreateSpaceForm />
      </div>
      <Link href="/" className="mt-4 block text-center text-sm text-brand-600 hover:underline">Back to the console</Link>
    </main>
  );
}
