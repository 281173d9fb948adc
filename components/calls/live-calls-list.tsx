"use client";

import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { CallsPager } from "./calls-pager";
import { CallsTable } from "./calls-table";
import { useCalls, type CallsPage } from "./use-calls";

/** The calls list under the filters: the server's page first, then polled while a call on it is still moving. */
export function LiveCallsList({
  spaceId,
  query,
  filters,
  initialPage,
}: {
  spaceId: string;
  /** What the REST GET takes: the filters and the cursor. */
  query: Record<string, string>;
  /** The filters alone, for the pager's links. */
  filters: Record<string, string>;
  initialPage: CallsPage;
}) {
  const page = useCalls(spaceId, query, initialPage).data;
  const cursor = query.cursor;
  return (
    <>
      {page.items.length === 0 ? (
        <EmptyState
          title={cursor ? "No more calls" : "No calls yet"}
          body="Calls appear here once a number with an agent receives or places one. Place a test call from a number's card."
          action={cursor ? undefined : <Link href={`/s/${spaceId}/phone-numbers`} className={buttonClass("secondary")}>Go to Phone Numbers</Link>}
        />
      ) : (
        <CallsTable spaceId={spaceId} calls={page.items} />
      )}
      <CallsPager filters={filters} nextCursor={page.nextCursor} onLaterPage={Boolean(cursor)} />
    </>
  );
}
