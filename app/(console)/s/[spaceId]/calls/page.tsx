import { CallFilters, REFUSED } from "@/components/calls/call-filters";
import { CallsPager } from "@/components/calls/calls-pager";
import { LiveCallsList } from "@/components/calls/live-calls-list";
import { RefusedCallsTable } from "@/components/calls/refused-calls-table";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { NoticeLine } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { roleAtLeast } from "@/lib/auth/roles";
import { requireSpace } from "@/lib/auth/session";
import { listRefusedCalls, listRefusedCallsQuery } from "@/lib/edge/refused-calls";
import type { SpaceContext } from "@/lib/spaces/context";
import { listCallsQuery } from "@/lib/calls/schemas";
import { callFilterOptions, listCalls } from "@/lib/calls/service";

type Search = Record<string, string | string[] | undefined>;

/** The URL's filters that the list takes, as sent; empty form fields mean "all". */
function filtersFrom(search: Search): Record<string, string> {
  const keys = Object.keys(listCallsQuery.shape);
  return Object.fromEntries(Object.entries(search).filter((e): e is [string, string] => keys.includes(e[0]) && typeof e[1] === "string" && e[1] !== ""));
}

export default async function CallsPage({ params, searchParams }: { params: Promise<{ spaceId: string }>; searchParams: Promise<Search> }) {
  const { spaceId } = await params;
  const ctx = await requireSpace(spaceId);
  const search = await searchParams;
  if (search.status === REFUSED) return <RefusedView ctx={ctx} search={search} />;
  const sent = filtersFrom(search);
  const parsed = listCallsQuery.safeParse(sent);
  // Filters the list cannot take show why and fall back to the newest calls, unfiltered.
  const query = parsed.success ? sent : {};
  const filters = Object.fromEntries(Object.entries(query).filter(([key]) => key !== "cursor"));
  const [page, { accounts, numbers }] = await Promise.all([listCalls(ctx, parsed.success ? parsed.data : listCallsQuery.parse({})), callFilterOptions(ctx)]);
  return (
    <>
      <PageHeader
        title="Calls"
        description="Inbound and outbound calls handled by your agents."
        actions={<Link href={`/s/${spaceId}/calls/route-tester`} className={buttonClass("secondary")}>Route tester</Link>}
      />
      <CallFilters values={filters} accounts={accounts.map((a) => ({ id: a.id, label: a.name }))} numbers={numbers.map((n) => ({ id: n.id, label: n.e164 }))} />
      {parsed.success ? null : (
        <div className="mb-4">
          <NoticeLine notice={{ tone: "error", text: `Showing all calls: ${parsed.error.issues.map((i) => `${String(i.path[0] ?? "filters")}: ${i.message}`).join(" ")}` }} />
        </div>
      )}
      <LiveCallsList spaceId={spaceId} query={query} filters={filters} initialPage={page} />
    </>
  );
}

/** Status "Refused": INVITEs the SIP edge or LiveKit refused, with their fixes (account filter and paging apply). */
async function RefusedView({ ctx, search }: { ctx: SpaceContext; search: Search }) {
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
  const parsed = listRefusedCallsQuery.safeParse({ accountId: one(search.accountId), cursor: one(search.cursor) });
  const query = parsed.success ? parsed.data : listRefusedCallsQuery.parse({});
  const [page, { accounts }] = await Promise.all([listRefusedCalls(ctx, query), callFilterOptions(ctx)]);
  const filters = { status: REFUSED, ...(query.accountId ? { accountId: query.accountId } : {}) };
  return (
    <>
      <PageHeader title="Calls" description="Inbound calls refused before they reached an agent, with what to fix." />
      <CallFilters values={filters} accounts={accounts.map((a) => ({ id: a.id, label: a.name }))} numbers={[]} />
      {page.items.length === 0 ? (
        <EmptyState
          title="No refused calls"
          body="An INVITE for a number that is not bound, from an address your account does not allow, or with a wrong inbound password appears here with its fix."
        />
      ) : (
        <RefusedCallsTable spaceId={ctx.spaceId} calls={page.items} canManage={roleAtLeast(ctx.role, "ADMIN")} />
      )}
      <CallsPager filters={filters} nextCursor={page.nextCursor} onLaterPage={Boolean(query.cursor)} />
    </>
  );
}
