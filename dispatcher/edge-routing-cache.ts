import { Client } from "pg";
import { edgeRpc } from "@/lib/edge/edge-rpc";

// The SIP edge remembers the console's routing answers (forward, or 404 for a number nobody
// bound) per source address and called number, so a flood of INVITEs is answered from memory
// and calls known a moment ago are relayed without asking again (kamailio.cfg, route[INVITE]).
// This keeps that memory true: the database announces every change to numbers, accounts and
// Spaces (migration 20261130190000_edge_routing_notify), and each announcement empties the
// edge's cache. The edge's 30 s expiry bounds the staleness when no dispatcher is listening.
//
// The generation is changed before the flush: an answer the edge was fetching while the change
// committed finds a new generation when it returns and is not kept (it may predate the change).

const RECONNECT_MS = 2_000;

async function forgetRoutes(rpcUrl: string): Promise<void> {
  await edgeRpc(rpcUrl, "htable.seti", ["routegen", "gen", Math.floor(Math.random() * 2 ** 31)]);
  await edgeRpc(rpcUrl, "htable.flush", ["routes"]);
}

/** Empties the edge's routing cache on every change, never two flushes at once (a burst of changes costs two). */
function flusher(rpcUrl: string): () => void {
  let running = false;
  let again = false;
  const run = async (): Promise<void> => {
    running = true;
    do {
      again = false;
      await forgetRoutes(rpcUrl).catch((err: Error) => console.error("[dispatcher] could not empty the SIP edge's routing cache", { err: err.message }));
    } while (again);
    running = false;
  };
  return () => {
    if (running) again = true;
    else void run();
  };
}

export function followEdgeRouting(databaseUrl: string, rpcUrl: string): { stop: () => Promise<void> } {
  const flush = flusher(rpcUrl);
  let client: Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const c = new Client({ connectionString: databaseUrl });
    c.on("notification", flush);
    c.on("error", (err) => {
      console.error("[dispatcher] lost the edge routing notifications; listening again shortly", { err: err.message });
      void c.end().catch(() => undefined);
      schedule();
    });
    try {
      await c.connect();
      await c.query("LISTEN edge_routing");
      client = c;
      // Changes made while nobody listened: forget everything once.
      flush();
    } catch (err) {
      console.error("[dispatcher] could not listen for edge routing changes; trying again shortly", { err: (err as Error).message });
      void c.end().catch(() => undefined);
      schedule();
    }
  };
  const schedule = () => {
    client = null;
    if (!stopped && !retry) retry = setTimeout(() => ((retry = undefined), void connect()), RECONNECT_MS);
  };

  void connect();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
