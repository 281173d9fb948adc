import { callStatuses } from "@/lib/calls/status";

// The call list's filters as a plain GET form: the URL is the state, so a filtered view can be
// bookmarked and the Next page link carries it. Submitting drops the cursor (back to the newest).

type Option = { id: string; label: string };

/** The Status filter's value for the Refused view (app/(console)/s/[spaceId]/calls/page.tsx). */
export const REFUSED = "refused";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const sel = "max-w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

export function CallFilters({ values, accounts, numbers }: { values: Record<string, string>; accounts: Option[]; numbers: Option[] }) {
  // A date input shows a date only; a date-time from a hand-written URL shows empty.
  const day = (v: string | undefined) => (v && DATE_ONLY.test(v) ? v : "");
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter calls">
      <label className="max-w-full text-sm text-slate-700">
        Direction{" "}
        <select name="direction" defaultValue={values.direction ?? ""} className={sel}>
          <option value="">All</option>
          <option value="inbound">Inbound</option>
          <option value="outbound">Outbound</option>
        </select>
      </label>
      <label className="max-w-full text-sm text-slate-700">
        Account{" "}
        <select name="accountId" defaultValue={values.accountId ?? ""} className={sel}>
          <option value="">All accounts</option>
          {accounts.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
        </select>
      </label>
      <label className="max-w-full text-sm text-slate-700">
        Number{" "}
        <select name="phoneNumberId" defaultValue={values.phoneNumberId ?? ""} className={sel}>
          <option value="">All numbers</option>
          {numbers.map((n) => <option key={n.id} value={n.id}>{n.label}</option>)}
        </select>
      </label>
      <label className="max-w-full text-sm text-slate-700">
        Status{" "}
        <select name="status" defaultValue={values.status ?? ""} className={sel}>
          <option value="">All statuses</option>
          {callStatuses.map((s) => <option key={s} value={s}>{s.replace("_", " ")}</option>)}
          {/* Not a call status: INVITEs refused before any call existed (the Refused view). */}
          <option value={REFUSED}>Refused (never reached an agent)</option>
        </select>
      </label>
      <label className="max-w-full text-sm text-slate-700">
        From{" "}
        <input type="date" name="since" defaultValue={day(values.since)} className={sel} />
      </label>
      {/* Exclusive, like the API's until: "To" a day means up to the start of that day (UTC). */}
      <label className="max-w-full text-sm text-slate-700">
        To <span className="text-xs text-slate-500">(not included)</span>{" "}
        <input type="date" name="until" defaultValue={day(values.until)} className={sel} />
      </label>
      {values.limit ? <input type="hidden" name="limit" value={values.limit} /> : null}
      <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">Filter</button>
    </form>
  );
}
