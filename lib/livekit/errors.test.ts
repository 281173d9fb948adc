import { describe, expect, it } from "vitest";
import { ServerError } from "livekit-server-sdk";
import { UpstreamError } from "@/lib/errors";
import { connectLiveKit } from "./client";
import { callLiveKit, LiveKitError, toUpstreamError } from "./errors";
import { listInboundTrunks } from "./sip-trunks";

const LEAKY = "trunk ST_abc123 already uses number +14155552671 (redis key sip_trunk_inbound)";

function mapped(err: unknown): LiveKitError {
  const out = toUpstreamError(err, "create the inbound trunk");
  expect(out).toBeInstanceOf(LiveKitError);
  expect(out).toBeInstanceOf(UpstreamError);
  return out as LiveKitError;
}

describe("toUpstreamError", () => {
  it("maps a LiveKit 4xx to a rejected error with our own message and keeps the original as cause", () => {
    const original = new ServerError("Bad Request", LEAKY, 400, "invalid_argument");
    const err = mapped(original);
    expect(err.kind).toBe("rejected");
    expect(err.status).toBe(400);
    expect(err.code).toBe("invalid_argument");
    expect(err.publicMessage).toBe("LiveKit refused to create the inbound trunk.");
    expect(err.message).toBe(err.publicMessage);
    expect(err.cause).toBe(original);
  });

  it("never puts LiveKit's text, status text or code into the public message", () => {
    for (const status of [400, 401, 403, 404, 409, 500, 502, 503, 504]) {
      const err = mapped(new ServerError("Some Status Text", LEAKY, status, "already_exists"));
      expect(err.publicMessage).not.toContain("ST_abc123");
      expect(err.publicMessage).not.toContain("+1415");
      expect(err.publicMessage).not.toContain("Some Status Text");
      expect(err.publicMessage).not.toContain("already_exists");
    }
  });

  it("treats 500 as rejected (LiveKit answered) and 502/503/504 as unreachable (a proxy answered)", () => {
    expect(mapped(new ServerError("Internal", "sip not connected", 500, "internal")).kind).toBe("rejected");
    for (const status of [502, 503, 504]) {
      expect(mapped(new ServerError("Gateway", "<html>bad gateway</html>", status)).kind).toBe("unreachable");
    }
  });

  it("says when LiveKit refused our credentials", () => {
    const err = mapped(new ServerError("Unauthorized", "invalid token: signature is invalid", 401, "unauthenticated"));
    expect(err.kind).toBe("rejected");
    expect(err.publicMessage).toMatch(/API credentials/);
  });

  it("drops a code that is not a plain Twirp code", () => {
    expect(mapped(new ServerError("Bad Request", "x", 400, "free text from upstream")).code).toBeUndefined();
  });

  it("maps transport failures and timeouts to unreachable", () => {
    const refused = new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:7880"), { code: "ECONNREFUSED" }) });
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    const aborted = new DOMException("This operation was aborted", "AbortError");
    for (const e of [refused, timeout, aborted]) {
      const err = mapped(e);
      expect(err.kind).toBe("unreachable");
      expect(err.status).toBeUndefined();
      expect(err.publicMessage).toBe("LiveKit is not reachable, so we could not create the inbound trunk. Try again in a moment.");
      expect(err.cause).toBe(e);
    }
  });

  it("lets errors that did not come from LiveKit through unchanged", () => {
    const bug = new RangeError("index out of range");
    expect(toUpstreamError(bug, "x")).toBe(bug);
    const already = new UpstreamError("already mapped", "rejected");
    expect(toUpstreamError(already, "x")).toBe(already);
  });
});

describe("callLiveKit", () => {
  it("returns the value of a successful call", async () => {
    await expect(callLiveKit("list", async () => 42)).resolves.toBe(42);
  });

  it("rethrows a failure as LiveKitError", async () => {
    const p = callLiveKit("list the inbound trunks", async () => {
      throw new ServerError("Not Found", LEAKY, 404, "not_found");
    });
    await expect(p).rejects.toMatchObject({ kind: "rejected", status: 404, code: "not_found" });
  });

  it("reports a LiveKit that is not listening as unreachable (real fetch to a closed loopback port)", async () => {
    const lk = connectLiveKit({ url: "http://127.0.0.1:9", apiKey: "k", apiSecret: "s".repeat(40), requestTimeoutSeconds: 2 });
    const err = await listInboundTrunks({}, lk).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LiveKitError);
    expect((err as LiveKitError).kind).toBe("unreachable");
  });
});
