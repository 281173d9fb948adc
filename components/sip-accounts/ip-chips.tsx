"use client";

import { parseIpv4Allowlist } from "@/lib/net/ipv4-allowlist";
import type { IpMode } from "@/lib/net/ipv4";

/** Shows the typed allowlist as the entries that will really be sent to LiveKit. */
export function IpChips({ raw, mode }: { raw: string; mode: IpMode }) {
  const parsed = parseIpv4Allowlist(raw, { mode });
  if (!parsed.ok || parsed.entries.length === 0) return null;
  return (
    <div className="mt-2 space-y-1">
      <ul aria-label="Allowed inbound IPs as saved" className="flex flex-wrap gap-1.5">
        {parsed.entries.map((entry) => (
          <li key={entry} className="rounded-full bg-brand-50 px-2 py-0.5 font-mono text-xs text-brand-700 ring-1 ring-brand-100">
            {entry}
          </li>
        ))}
      </ul>
      {parsed.notices.map((notice) => (
        <p key={notice} role="status" className="text-xs text-amber-700">{notice}</p>
      ))}
    </div>
  );
}
