import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { refetchAfterWrite } from "./refetch-after-write";

/** A view's query whose server answers with how many writes it has seen; the first answer is slow. */
function viewOfWrites() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const server = { writes: 0, requests: 0 };
  const observer = new QueryObserver(client, {
    queryKey: ["space", "history"],
    queryFn: async () => {
      const seen = server.writes;
      server.requests++;
      if (server.requests === 1) await new Promise((r) => setTimeout(r, 50));
      return seen;
    },
  });
  const unsubscribe = observer.subscribe(() => undefined); // the view is on screen
  const settled = () => new Promise<number>((resolve) => {
    const check = () => {
      const r = observer.getCurrentResult();
      if (r.status === "success" && r.fetchStatus === "idle") resolve(r.data!);
      else setTimeout(check, 5);
    };
    check();
  });
  return { client, server, settled, unsubscribe };
}

describe("refetchAfterWrite", () => {
  it("shows the write in a view whose first load was in flight when the write landed", async () => {
    const view = viewOfWrites();
    view.server.writes++; // the write lands while the first load (sent before it) is in flight
    await refetchAfterWrite(view.client, [["space"]]);
    expect(await view.settled()).toBe(1);
    view.unsubscribe();
  });

  it("shows the write in a view that had loaded", async () => {
    const view = viewOfWrites();
    expect(await view.settled()).toBe(0);
    view.server.writes++;
    await refetchAfterWrite(view.client, [["space"]]);
    expect(await view.settled()).toBe(1);
    view.unsubscribe();
  });
});
