"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";

const items = [
  { segment: "phone-numbers", label: "Phone Numbers" },
  { segment: "sip-accounts", label: "SIP accounts" },
  { segment: "agents", label: "Agents" },
  { segment: "calls", label: "Calls" },
  { segment: "batches", label: "Batches" },
  { segment: "settings", label: "Settings" },
] as const;

export function SidebarNav({ spaceId }: { spaceId: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5 px-3">
      {items.map((item) => {
        const href = `/s/${spaceId}/${item.segment}`;
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={item.segment}
            href={href}
            aria-current={active ? "page" : undefined}
            className={clsx(
              "rounded-md px-3 py-2 text-sm font-medium",
              active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
