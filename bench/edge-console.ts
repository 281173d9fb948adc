// The console's side of the SIP edge for bench/sip-edge.ts: the very route handlers of
// app/api/internal/edge/{inbound,refused} served by plain Node on EDGE_CONSOLE_URL's port,
// over the real database. Its own process, as the web app is in production: in the
// benchmark's process it would compete for the event loop with the tone participants.
//
//   node --conditions=react-server --import tsx bench/edge-console.ts   (prints "ready")

import { createServer, type IncomingMessage } from "node:http";
import { POST as routeInbound } from "@/app/api/internal/edge/inbound/route";
import { POST as routeRefused } from "@/app/api/internal/edge/refused/route";
import { stackEnv } from "@/scripts/stack/stack-env";

const port = Number(new URL(stackEnv("EDGE_CONSOLE_URL")).port);
const server = createServer(async (req: IncomingMessage, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const request = new Request(`http://127.0.0.1:${port}${req.url}`, { method: "POST", headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
  const handler = req.url === "/api/internal/edge/inbound" ? routeInbound : routeRefused;
  const response = await handler(request, { params: Promise.resolve({}) });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
});
server.listen(port, "127.0.0.1", () => console.log("ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
