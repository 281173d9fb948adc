import "server-only";
import http from "node:http";
import https from "node:https";
import ipaddr from "ipaddr.js";
import { Webhook } from "standardwebhooks";
import { isPublicAddress } from "@/lib/net/public-address";
import { lookupFor, NOT_PUBLIC, type AddressMode } from "./address-policy";

// One HTTP attempt of one delivery, signed by the Standard Webhooks library (webhook-id,
// webhook-timestamp, webhook-signature). Never throws: every outcome is an AttemptResult the
// delivery log shows. Redirects are not followed (a redirect could lead to an address the
// policy refuses); a 3xx counts as a failure.

export type AttemptResult = {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  /** The first characters of the body, or why no response came. */
  response: string;
};

export type SendSettings = { mode: AddressMode; timeoutMs: number };

const EXCERPT_CHARS = 500;
const USER_AGENT = "Switchboard-Webhooks/1";

export function signedHeaders(secret: string, messageId: string, at: Date, body: string): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": USER_AGENT,
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(messageId, at, body),
  };
}

export function sendWebhook(url: string, secret: string, messageId: string, body: string, settings: SendSettings): Promise<AttemptResult> {
  const started = performance.now();
  const done = (r: Omit<AttemptResult, "latencyMs">): AttemptResult => ({ ...r, latencyMs: Math.round(performance.now() - started) });
  const target = new URL(url);
  const host = target.hostname.replace(/^\[(.*)\]$/, "$1");
  // An address literal is never looked up, so the policy is applied to it here.
  if (settings.mode === "production" && ipaddr.isValid(host) && !isPublicAddress(host)) {
    return Promise.resolve(done({ ok: false, statusCode: null, response: `Not sent: ${host} ${NOT_PUBLIC}.` }));
  }
  const headers = signedHeaders(secret, messageId, new Date(), body);
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const req = client.request(target, { method: "POST", headers, lookup: lookupFor(settings.mode), timeout: settings.timeoutMs }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        if (text.length < EXCERPT_CHARS) text += chunk;
      });
      res.on("end", () => {
        const code = res.statusCode ?? 0;
        resolve(done({ ok: code >= 200 && code < 300, statusCode: code, response: text.slice(0, EXCERPT_CHARS) }));
      });
      res.on("error", () => resolve(done({ ok: false, statusCode: res.statusCode ?? null, response: "The connection broke while reading the response." })));
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
    req.on("error", (err: NodeJS.ErrnoException) => resolve(done({ ok: false, statusCode: null, response: describeNetworkError(err, settings.timeoutMs) })));
    req.end(body);
  });
}

function describeNetworkError(err: NodeJS.ErrnoException, timeoutMs: number): string {
  switch (err.code) {
    case "ENOTPUBLIC":
      return `Not sent: the host ${NOT_PUBLIC}.`;
    case "ECONNREFUSED":
      return "Connection refused: nothing listens at that address and port.";
    case "ETIMEDOUT":
      return `No response within ${timeoutMs / 1000} s.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "The host name could not be resolved.";
    case "ECONNRESET":
      return "The receiver closed the connection without answering.";
    default:
      return err.code?.startsWith("ERR_TLS") || err.code?.includes("CERT") ? "The TLS handshake failed (certificate)." : "The request failed before any response.";
  }
}
