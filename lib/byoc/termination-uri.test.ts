import { describe, expect, it } from "vitest";
import { formatTerminationUri, hostOf, parseTerminationUri } from "./termination-uri";

const local = { mode: "local" as const };
const production = { mode: "production" as const };

describe("parseTerminationUri", () => {
  it("takes the seed's bare host as written", () => {
    expect(parseTerminationUri("your-trunk.pstn.twilio.com", production)).toEqual({ ok: true, sipServerAddress: "your-trunk.pstn.twilio.com", sipTransport: "auto" });
  });

  it.each([
    ["sip:your-trunk.pstn.twilio.com", "your-trunk.pstn.twilio.com", "auto"],
    ["SIP:Trunk.Example.com:5061;transport=TLS", "trunk.example.com:5061", "tls"],
    ["sips:trunk.example.com", "trunk.example.com", "tls"],
    ["sips:trunk.example.com;transport=tls", "trunk.example.com", "tls"],
    ["trunk.example.com:5060;transport=udp", "trunk.example.com:5060", "udp"],
    ["sip://trunk.example.com;transport=tcp", "trunk.example.com", "tcp"],
    ["  livekit.talkifai.dev:5061;transport=tls  ", "livekit.talkifai.dev:5061", "tls"],
    ["trunk.example.com;", "trunk.example.com", "auto"],
  ])("%s -> %s over %s", (raw, address, transport) => {
    expect(parseTerminationUri(raw, production)).toEqual({ ok: true, sipServerAddress: address, sipTransport: transport });
  });

  it.each([
    ["", /termination URI/],
    ["sip:", /host/],
    ["sip:alice@trunk.example.com", /sipUsername/],
    ["trunk.example.com;transport=sctp", /udp, tcp or tls/],
    ["trunk.example.com;lr", /only parameter/],
    ["sips:trunk.example.com;transport=udp", /TLS/],
    ["trunk.example.com;transport=tls;transport=udp", /once/],
    ["trunk.example.com:99999", /port/],
    ["trunk", /full host name/],
    ["http://trunk.example.com", /:\/\//],
  ])("refuses %j", (raw, message) => {
    const r = parseTerminationUri(raw, local);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it("keeps the console's loopback rule: allowed locally, refused in production", () => {
    expect(parseTerminationUri("127.0.0.1:5070;transport=udp", local)).toMatchObject({ ok: true, sipServerAddress: "127.0.0.1:5070" });
    expect(parseTerminationUri("127.0.0.1:5070", production).ok).toBe(false);
  });
});

describe("formatTerminationUri and hostOf", () => {
  it("round-trips what parseTerminationUri keeps", () => {
    for (const raw of ["trunk.example.com", "trunk.example.com:5061;transport=tls", "10.1.2.3:5060;transport=udp"]) {
      const r = parseTerminationUri(raw, local);
      expect(r.ok).toBe(true);
      if (r.ok) expect(formatTerminationUri(r.sipServerAddress, r.sipTransport)).toBe(raw);
    }
    expect(formatTerminationUri(null, "auto")).toBeNull();
  });

  it("names the host without its port", () => {
    expect(hostOf("trunk.example.com:5061")).toBe("trunk.example.com");
    expect(hostOf("your-trunk.pstn.twilio.com")).toBe("your-trunk.pstn.twilio.com");
  });
});
