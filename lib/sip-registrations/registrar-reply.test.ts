import { describe, expect, it } from "vitest";
import { contactExpires, retryDelaySeconds, statusAfterReply, type RegistrarReply } from "./registrar-reply";

const now = new Date("2026-11-30T12:00:00Z");
const reply = (over: Partial<RegistrarReply>): RegistrarReply => ({ code: 200, reason: "OK", authSent: true, requestedExpires: 300, grantedExpires: 300, ...over });

describe("statusAfterReply", () => {
  it("a first 401 or 407 is the challenge: not a failure, and a registered binding being refreshed stays registered", () => {
    expect(statusAfterReply(reply({ code: 401, reason: "Unauthorized", authSent: false }), 0, now)).toBeNull();
    expect(statusAfterReply(reply({ code: 407, reason: "Proxy Authentication Required", authSent: false }), 0, now)).toBeNull();
  });

  it("a 401 or 407 to our digest, or a 403, stops retrying (auth_failed, no retry time)", () => {
    for (const r of [reply({ code: 401, authSent: true }), reply({ code: 407, authSent: true }), reply({ code: 403, reason: "Forbidden", authSent: false })]) {
      const next = statusAfterReply(r, 0, now)!;
      expect(next.status).toBe("auth_failed");
      expect(next.retryAt).toBeNull();
    }
  });

  it("200 with a granted expiry is registered until then", () => {
    const next = statusAfterReply(reply({ grantedExpires: 20 }), 3, now)!;
    expect(next).toMatchObject({ status: "registered", failures: 0, retryAt: null });
    expect(next.expiresAt?.toISOString()).toBe("2026-11-30T12:00:20.000Z");
  });

  it("200 without a binding for our contact is a failure, retried", () => {
    expect(statusAfterReply(reply({ grantedExpires: null }), 0, now)?.status).toBe("failed");
  });

  it("other refusals fail with a growing back-off", () => {
    const first = statusAfterReply(reply({ code: 503, reason: "Service Unavailable" }), 0, now)!;
    expect(first).toMatchObject({ status: "failed", failures: 1, lastCode: 503 });
    expect(first.retryAt!.getTime() - now.getTime()).toBe(10_000);
    expect(statusAfterReply(reply({ code: 404 }), 4, now)!.retryAt!.getTime() - now.getTime()).toBe(300_000);
  });

  it("the answer to an unregistration makes it not registered", () => {
    expect(statusAfterReply(reply({ requestedExpires: 0, grantedExpires: null }), 0, now)?.status).toBe("not_registered");
  });

  it("provisional replies change nothing", () => {
    expect(statusAfterReply(reply({ code: 100 }), 0, now)).toBeNull();
  });
});

describe("helpers", () => {
  it("reads the expires of a Contact", () => {
    expect(contactExpires("<sip:sbx@127.0.0.1:5060>;expires=20")).toBe(20);
    expect(contactExpires("<sip:sbx@127.0.0.1:5060>")).toBeNull();
  });
  it("backs off 10 s, 30 s, 1 min, 2 min, 5 min", () => {
    expect([1, 2, 3, 4, 5, 9].map(retryDelaySeconds)).toEqual([10, 30, 60, 120, 300, 300]);
  });
});
