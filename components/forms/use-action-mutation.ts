"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/actions/result";
import { refetchAfterWrite } from "@/lib/http/refetch-after-write";

/**
 * The console's one shape for a write: a server action (or REST call) run through useMutation,
 * then every view under `invalidate` refetched, so lists and detail pages show the change
 * without router.refresh. A refused result ({ ok: false }) changes nothing, so nothing refetches.
 */
export function useActionMutation<V, T>(run: (values: V) => Promise<ActionResult<T>>, invalidate: readonly QueryKey[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      if (result.ok) await refetchAfterWrite(client, invalidate);
    },
  });
}
