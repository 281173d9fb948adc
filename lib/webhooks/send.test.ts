import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { generateSigningSecret } from "./signing-secret";
import { sendWebhook } from "./send";

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function receiver(status: number, answer = "ok") {
  const seen: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen.push({ headers: req.headers, body });
      res.writeHead(status).end(answer);
    });
  });
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, seen };
}

describe("one webhook attempt", () => {
  it("is signed so a Standard Webhooks library verifies it, and records the answer", async () => {
    const r = await receiver(204, "");
    const secret = generateSigningSecret();
    const body = JSON.stringify({ type: "webhook.test", timestamp: new Date().toISOString(), data: {} });
    const result = await sendWebhook(r.url, secret, "msg_abc", body, { mode: "local", timeoutMs: 5000 });
    expect(result).toMatchObject({ ok: true, statusCode: 204 });
    const got = r.seen[0]!;
    expect(got.headers["webhook-id"]).toBe("msg_abc");
    expect(new Webhook(secret).verify(got.body, got.headers as Record<string, string>)).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateSigningSecret()).verify(got.body, got.headers as Record<string, string>)).toThrow();
  });

  it("counts a non-2xx answer as a failure with its status and an excerpt", async () => {
    const r = await receiver(500, "x".repeat(2000));
    const result = await sendWebhook(r.url, generateSigningSecret(), "msg_1", "{}", { mode: "local", timeoutMs: 5000 });
    expect(result).toMatchObject({ ok: false, statusCode: 500 });
    expect(result.response).toHaveLength(500);
  });

  it("in production mode never connects to a loopback address, by address or by name", async () => {
    const r = await receiver(200);
    const byName = r.url.replace("127.0.0.1", "localhost");
    for (const url of [r.url, byName]) {
      const result = await sendWebhook(url, generateSigningSecret(), "msg_2", "{}", { mode: "production", timeoutMs: 5000 });
      expect(result, url).toMatchObject({ ok: false, statusCode: null });
      expect(result.response).toMatch(/not public/);
    }
    expect(r.seen).toHaveLength(0);
  });

  it("says plainly when nothing listens", async () => {
    const r = await receiver(200);
    servers.splice(0).forEach((s) => s.close());
    const result = await sendWebhook(r.url, generateSigningSecret(), "msg_3", "{}", { mode: "local", timeoutMs: 5000 });
    expect(result.response).toMatch(/Connection refused/);
  });
});
