import type { QueryClient, QueryKey } from "@tanstack/react-query";

// After a write, every view under `queryKeys` asks the server again. invalidateQueries alone
// misses a view still on its first load: TanStack hands the refetch that load's request,
// sent before the write, so the view keeps the old answer (a Verify clicked while the page's
// Verify history was loading left the history empty; seen in CI). Cancelling first drops
// such a load, and the refetch then sends a new request.

export async function refetchAfterWrite(client: QueryClient, queryKeys: readonly QueryKey[]): Promise<void> {
  await Promise.all(queryKeys.map((queryKey) => client.cancelQueries({ queryKey })));
  await Promise.all(queryKeys.map((queryKey) => client.invalidateQueries({ queryKey })));
}
