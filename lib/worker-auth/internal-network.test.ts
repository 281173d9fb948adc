import { describe, expect, it } from "vitest";
import { internalCallerAllowed, parseInternalNetwork } from "./internal-network";

const from = (xff?: string) => new Request("http://127.0.0.1/api/internal/calls/answered", { headers: xff === undefined ? {} : { "x-forwarded-for": xff } });
const loopback = parseInternalNetwork("127.0.0.0/8");

describe("the internal API's network", () => {
  it("answers the console's own network, judged by the last X-Forwarded-For entry", () => {
    expect(internalCallerAllowed(from("127.0.0.1"), loopback)).toBe(true);
    expect(internalCallerAllowed(from("::ffff:127.0.0.1"), loopback)).toBe(true);
    expect(internalCallerAllowed(from("81.2.69.142"), loopback)).toBe(false);
    // A client cannot talk its way in: the proxy appends the real address last.
    expect(internalCallerAllowed(from("127.0.0.1, 81.2.69.142"), loopback)).toBe(false);
    expect(internalCallerAllowed(from("10.0.3.7"), parseInternalNetwork("127.0.0.0/8, 10.0.3.0/24"))).toBe(true);
    expect(internalCallerAllowed(from("::1"), loopback)).toBe(false);
    expect(internalCallerAllowed(from("not-an-address"), loopback)).toBe(false);
  });

  it("does not judge a request that carries no address (a handler called in-process)", () => {
    expect(internalCallerAllowed(from(), loopback)).toBe(true);
  });

  it("refuses a malformed setting at start", () => {
    expect(() => parseInternalNetwork("127.0.0.0/33")).toThrow(/INTERNAL_API_ALLOWED_ADDRESSES/);
    expect(() => parseInternalNetwork("worker.internal")).toThrow(/not an IPv4/);
  });
});
