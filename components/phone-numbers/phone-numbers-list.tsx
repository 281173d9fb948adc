"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { PAGE_SIZE_DEFAULT } from "@/lib/phone-numbers/schemas";
import type { PhoneNumberView } from "@/lib/phone-numbers/view";
import { NumberStatusBadge } from "./number-status-badge";
import { OwnershipBadge } from "./ownership-badge";
import { PhoneNumberDrawer } from "./phone-number-drawer";
import { useInvalidatePhoneNumbers, usePhoneNumbers } from "./use-phone-numbers";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { PlatformNumberBadge } from "./platform-number-badge";
import { IMPORT_PARAM } from "@/components/sip-accounts/import-number-menu";

/** Waits for typing to pause before searching, so each keystroke is not a query. */
function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

/** The Space's bound numbers: server-side search and keyset pages, the number's card in a drawer. */
export function PhoneNumbersList({ spaceId, canManage }: { spaceId: string; canManage: boolean }) {
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 250);
  // The cursor of each page walked so far, for this search (a new search starts over), so
  // Previous needs no offset query.
  const [paging, setPaging] = useState<{ q: string; cursors: (string | null)[] }>({ q: "", cursors: [null] });
  const cursors = paging.q === q ? paging.cursors : [null];
  const setCursors = (next: (c: (string | null)[]) => (string | null)[]) => setPaging({ q, cursors: next(cursors) });
  const cursor = cursors.at(-1) ?? null;
  const page = usePhoneNumbers(spaceId, q, cursor);
  const invalidate = useInvalidatePhoneNumbers(spaceId);
  const [openId, setOpenId] = useState<string | null>(null);
  const toast = useToast();

  if (page.isPending) return <p className="text-sm text-slate-500">Loading numbers…</p>;
  if (page.isError) return <p role="alert" className="text-sm text-red-700">{page.error.message}</p>;
  const { items, total, nextCursor } = page.data;
  const open: PhoneNumberView | null = items.find((n) => n.id === openId) ?? null;

  if (total === 0 && q === "" && search === "") {
    return (
      <EmptyState
        title="No phone numbers yet"
        body="Import a number from your own PBX or SIP trunk, then assign the agent that answers it."
        action={
          <Link href={`/s/${spaceId}/phone-numbers?${IMPORT_PARAM}`} scroll={false} className={buttonClass("primary")}>
            Import from Custom SIP
          </Link>
        }
      />
    );
  }

  const first = (cursors.length - 1) * PAGE_SIZE_DEFAULT + 1;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <input type="search" aria-label="Search numbers" placeholder="Search by number digits or label" className={`${inputClass} max-w-sm`} value={search} onChange={(e) => setSearch(e.target.value)} />
        <p className="text-sm text-slate-600" data-testid="numbers-range">
          {items.length === 0 ? "No numbers match." : `${first}–${first + items.length - 1} of ${total.toLocaleString("en-US")}`}
        </p>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">Number</th>
              <th className="px-4 py-2 font-medium">Label</th>
              <th className="px-4 py-2 font-medium">Account</th>
              <th className="px-4 py-2 font-medium">Inbound agent</th>
              <th className="px-4 py-2 font-medium">Status</th>
              <th className="px-4 py-2 font-medium">Ownership</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((n) => (
              <tr key={n.id} data-testid="phone-number-row" aria-label={n.number} className="hover:bg-slate-50">
                <td className="px-4 py-2">
                  <button type="button" className="whitespace-nowrap font-mono text-brand-700 hover:underline" onClick={() => setOpenId(n.id)}>
                    {n.number}
                  </button>
                  {n.warning ? <p className="text-xs text-amber-700" title={n.warning}>Not a known number of its country: check the digits</p> : null}
                </td>
                <td className="px-4 py-2">{n.label ? <Truncated text={n.label} /> : <span className="text-slate-400">—</span>}</td>
                <td className="px-4 py-2">
                  <Truncated text={n.account.name} />
                  <PlatformNumberBadge number={n} />
                </td>
                <td className="px-4 py-2">{n.inboundAgent ? <Truncated text={n.inboundAgent.name} /> : <span className="text-slate-400">No agent</span>}</td>
                <td className="px-4 py-2"><NumberStatusBadge provisioning={n.provisioning} /></td>
                <td className="px-4 py-2" data-testid="number-ownership"><OwnershipBadge number={n} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>Previous</Button>
        <Button variant="secondary" disabled={!nextCursor || page.isPlaceholderData} onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}>Next</Button>
      </div>
      <PhoneNumberDrawer
        spaceId={spaceId}
        number={open}
        canManage={canManage}
        onClose={() => setOpenId(null)}
        onSaved={() => invalidate()}
        onRemoved={async (number) => {
          setOpenId(null);
          await invalidate();
          toast(`${number} was removed.`);
        }}
      />
    </div>
  );
}

/** A cell value cut with an ellipsis past 12rem; the whole text stays in the tooltip. */
function Truncated({ text }: { text: string }) {
  return (
    <span className="block max-w-48 truncate" title={text}>
      {text}
    </span>
  );
}
