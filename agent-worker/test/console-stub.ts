import { createServer, type Server } from "node:http";

// The console's internal agent endpoint as the worker sees it, for the worker's own
// integration test and the bench (the console's route has its own tests). It answers
// GET /api/internal/agents/<id>?spaceId=<space> for the agents it is given, checks the
// bearer token, and counts requests so a test can prove the worker asked.

export type StubAgent = {
  id: string;
  spaceId: string;
  name: string;
  greeting: string;
  instructions: string;
  language: string;
  voice: string | null;
  sttProvider: string;
  llmProvider: string;
  ttsProvider: string;
  endCallEnabled?: boolean;
  maxCallSeconds?: number | null;
  silenceTimeoutSeconds?: number | null;
};

export type ConsoleStub = { url: string; requests: string[]; close: () => Promise<void> };

export async function startConsoleStub(token: string, agents: StubAgent[]): Promise<ConsoleStub> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? "");
    const url = new URL(req.url ?? "/", "http://stub");
    const m = /^\/api\/internal\/agents\/([^/]+)$/.exec(url.pathname);
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401).end();
      return;
    }
    const agent = m ? agents.find((a) => a.id === decodeURIComponent(m[1]!) && a.spaceId === url.searchParams.get("spaceId")) : undefined;
    if (!agent) {
      res.writeHead(404).end();
      return;
    }
    const { spaceId: _space, ...settings } = agent;
    void _space;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ agent: settings }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
