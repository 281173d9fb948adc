"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";

const tabs = [
  { segment: "platform", label: "Platform" },
  { segment: "members", label: "Members" },
  { segment: "api-keys", label: "API keys" },
  { segment: "webhooks", label: "Webhooks" },
  { segment: "api-reference", label: "API reference" },
] as const;

export function SettingsTabs({ spaceId }: { spaceId: string }) {
  const pathname = usePathname();
  return (
    <div role="tablist" className="flex gap-4 border-b border-slate-200">
      {tabs.map((tab) => {
        const href = `/s/${spaceId}/settings/${tab.segment}`;
        const active = pathname.startsWith(href);
        return (
          <Link
            key={tab.segment}
            href={href}
            role="tab"
            aria-selected={active}
            className={clsx("-mb-px border-b-2 px-1 pb-2 text-sm font-medium", active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900")}
          >
            {tab.label}
          </Link>
        );
      })}
    </div>
  );
}
