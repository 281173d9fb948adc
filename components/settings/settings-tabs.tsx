"use client";

import * as Tabs from "@radix-ui/react-tabs";
import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";

const tabs = [
  { segment: "platform", label: "Platform" },
  { segment: "members", label: "Members" },
  { segment: "api-keys", label: "API keys" },
  { segment: "webhooks", label: "Webhooks" },
  { segment: "usage", label: "Usage" },
  { segment: "api-reference", label: "API reference" },
  { segment: "account", label: "Your account" },
] as const;

/**
 * Settings sections as Radix Tabs whose triggers are links: each section is its own URL, the
 * arrow keys move between tabs and Enter opens one (manual activation, so moving does not
 * navigate). The current route's page is the one tab panel.
 */
export function SettingsTabs({ spaceId, children }: { spaceId: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const active = tabs.find((t) => pathname.startsWith(`/s/${spaceId}/settings/${t.segment}`))?.segment ?? "";
  return (
    <Tabs.Root value={active} activationMode="manual">
      <Tabs.List aria-label="Settings" className="flex gap-4 overflow-x-auto border-b border-slate-200">
        {tabs.map((tab) => (
          <Tabs.Trigger key={tab.segment} value={tab.segment} asChild>
            <Link
              href={`/s/${spaceId}/settings/${tab.segment}`}
              className={clsx(
                "-mb-px shrink-0 whitespace-nowrap border-b-2 px-1 pb-2 text-sm font-medium",
                tab.segment === active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
              )}
            >
              {tab.label}
            </Link>
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {/* Outside a known section (the index redirect) there is no panel to label. */}
      {active ? (
        <Tabs.Content value={active} className="mt-6 focus:outline-none">
          {children}
        </Tabs.Content>
      ) : (
        <div className="mt-6">{children}</div>
      )}
    </Tabs.Root>
  );
}
