import { describe, expect, it } from "vitest";
import { checkLocalConfig, type StoredAccountConfig } from "./local-config-check";

const good: StoredAccountConfig = {
  name: "Mango",
  sipServerAddress: "pbx.example.com:5080",
  destinationCountry: "RU",
  allowedInboundIps: ["10.0.0.0/24"],
  outboundUsername: "out",
  outboundPasswordEnc: "v1.k1.x.y.z",
  inboundUsername: null,
  inboundPasswordEnc: null,
};
const readable = { inbound: true, outbound: true };

describe("checkLocalConfig", () => {
  it("passes a consistent account", () => {
    expect(checkLocalConfig(good, "production", readable).status).toBe("ok");
  });

  it.each<[string, Partial<StoredAccountConfig>, string]>([
    ["username without password", { outboundPasswordEnc: null }, "outbound username is set without a password"],
    ["password without username", { inboundPasswordEnc: "v1.k1.a.b.c" }, "inbound password is set without a username"],
    ["no IPs and no inbound auth", { allowedInboundIps: [] }, "neither allowed IPs nor authentication"],
    ["a non-canonical IP", { allowedInboundIps: ["010.0.0.1"] }, "allowed inbound IPs are not valid"],
    ["a bad address", { sipServerAddress: "sip:pbx" }, "the SIP server address is not valid"],
    ["a bad country", { destinationCountry: "XX" }, "is not an ISO 3166 code"],
  ])("fails with %s", (_label, change, text) => {
    const check = checkLocalConfig({ ...good, ...change }, "production", readable);
    expect(check.status).toBe("failed");
    expect(check.reason).toContain(text);
    expect(check.fix).toBeDefined();
  });

  it("fails when a stored password cannot be decrypted", () => {
    const check = checkLocalConfig(good, "production", { inbound: true, outbound: false });
    expect(check.reason).toContain("cannot be decrypted");
  });
});
