import Link from "next/link";
import { requireDeploymentAdmin } from "@/lib/admin/deployment-admin";

// The deployment's Admin area: its own route, outside every Space. Anyone but the
// deployment's administrator gets the 404 of a page that does not exist.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await requireDeploymentAdmin();
  return (
    <div className="min-h-screen">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-3 md:px-8">
        <p className="text-base font-semibold text-brand-700">Switchboard · Admin</p>
        <nav aria-label="Admin" className="flex items-center gap-4 text-sm">
          <Link className="text-brand-600 hover:underline" href="/admin">Spaces</Link>
          <Link className="text-brand-600 hover:underline" href="/admin/carrier">Carrier</Link>
          <Link className="text-brand-600 hover:underline" href="/admin/noise">SIP noise</Link>
          <Link className="text-brand-600 hover:underline" href="/admin/settings">Settings</Link>
          <span className="text-slate-600">{admin.email}</span>
          <Link className="text-brand-600 hover:underline" href="/">Back to the console</Link>
        </nav>
      </header>
      <main className="px-4 py-6 md:px-8 md:py-8">{children}</main>
    </div>
  );
}
