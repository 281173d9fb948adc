import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

// A real HTTP receiver of the console's webhooks for tests: verifies every request with the
// Standard Webhooks library (the one the console signs with) and records what it got. It can
// answer 500 for a while (`failing`) or stop listening altogether (`stop`, `start` again on
// the same port), as an operator's receiver does during an outage.

export type Received = { id: string; type: string; data: Record<string, unknown>; verified: boolean; at: number };

export type WebhookReceiver = {
  url: string;
  port: number;
  /** Successfully answered (2xx) requests, in arrival order. */
  received: Received[];
  /** Every request, answered or refused with 500, in arrival order. */
  attempts: Received[];
  secret: string | null;
  failing: boolean;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  close: () => Promise<void>;
};

export async function startWebhookReceiver(path = "/hooks"): Promise<WebhookReceiver> {
  let server: Server | null = null;
  const r: WebhookReceiver = {
    url: "",
    port: 0,
    received: [],
    attempts: [],
    secret: null,
    failing: false,
    stop: async () => {
      if (!server) return;
      const s = server;
      server = null;
      s.closeAllConnections();
      s.close();
      await once(s, "close");
    },
    start: async () => {
      if (server) return;
      server = createServer((req, res) => {
        let body = "";
        req.on("data", (c: Buffer) => (body += c.toString()));
        req.on("end", () => {
          let verified = false;
          try {
            if (r.secret) verified = new Webhook(r.secret).verify(body, req.headers as Record<string, string>) !== undefined;
          } catch {
            verified = false;
          }
          const parsed = JSON.parse(body) as { type: string; data: Record<string, unknown> };
          const entry = { id: String(req.headers["webhook-id"]), type: parsed.type, data: parsed.data, verified, at: Date.now() };
          r.attempts.push(entry);
          if (r.failing) return void res.writeHead(500).end("receiver failing on purpose");
          r.received.push(entry);
          res.writeHead(200).end("ok");
        });
      });
      server.listen(r.port, "127.0.0.1");
      await once(server, "listening");
      r.port = (server.address() as AddressInfo).port;
      r.url = `http://127.0.0.1:${r.port}${path}`;
    },
    close: () => r.stop(),
  };
  await r.start();
  return r;
}

/** Polls (bounded) until `check` holds. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}
