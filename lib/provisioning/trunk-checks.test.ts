import { describe, expect, it } from "vitest";
import type { InboundTrunk, OutboundTrunk } from "@/lib/livekit/sip-trunks";
import { desiredTrunks, parkingNumber, type AccountForProvisioning } from "./desired-trunks";
import { checkInboundTrunk, checkNumbersInSync, checkOutboundTrunk } from "./trunk-checks";

const account: AccountForProvisioning = {
  id: "acc-1",
  spaceId: "space-1",
  name: "Mango",
  sipServerAddress: "pbx.example.com",
  sipTransport: "udp",
  destinationCountry: "RU",
  allowedInboundIps: ["10.0.0.0/24"],
  inboundAuth: { username: "in", password: "secret" },
  outboundAuth: null,
  numbers: ["+74951234567"],
  passHeaders: ["X-Customer-Id"],
};
const desired = desiredTrunks(account);

const auth = (username: string, password: string) => ({
  authUsername: username,
  hasAuthPassword: password !== "",
  authPasswordMatches: (p: string) => p === password,
});

function inboundAsDesired(overrides: Partial<InboundTrunk> = {}): InboundTrunk {
  return { id: "ST_in", name: desired.inbound.name, metadata: desired.inbound.metadata, numbers: desired.inbound.numbers, allowedAddresses: ["10.0.0.0/24"], headersToAttributes: { "X-Customer-Id": "sb.header.x-customer-id" }, ...auth("in", "secret"), ...overrides };
}

function outboundAsDesired(overrides: Partial<OutboundTrunk> = {}): OutboundTrunk {
  const o = desired.outbound!;
  return { id: "ST_out", name: o.name, metadata: o.metadata, numbers: o.numbers, address: o.address, transport: o.transport, destinationCountry: "RU", ...auth("", ""), ...overrides };
}

describe("Verify's LiveKit checks", () => {
  it("are OK when LiveKit holds exactly what the database wants", () => {
    expect(checkInboundTrunk({ trunk: inboundAsDesired(), byStoredId: true }, desired).status).toBe("ok");
    expect(checkOutboundTrunk({ trunk: outboundAsDesired(), byStoredId: true }, desired).status).toBe("ok");
    expect(checkNumbersInSync(["+74951234567"], desired, inboundAsDesired(), outboundAsDesired()).status).toBe("ok");
  });

  it("fail when LiveKit passes other SIP headers to the agent than the account does", () => {
    const none = checkInboundTrunk({ trunk: inboundAsDesired({ headersToAttributes: {} }), byStoredId: true }, desired);
    expect(none.status).toBe("failed");
    expect(none.reason).toContain("passed SIP headers missing in LiveKit: X-Customer-Id -> sb.header.x-customer-id");
    const other = checkInboundTrunk({ trunk: inboundAsDesired({ headersToAttributes: { "X-Customer-Id": "sb.header.x-customer-id", "X-Secret": "sb.header.x-secret" } }), byStoredId: true }, desired);
    expect(other.reason).toContain("passed SIP headers in LiveKit but not in the console: X-Secret -> sb.header.x-secret");
  });

  it("fail on a missing inbound trunk with the Reprovision fix", () => {
    const check = checkInboundTrunk(null, desired);
    expect(check.status).toBe("failed");
    expect(check.fix).toMatch(/^Reprovision/);
  });

  it("name each difference of an edited trunk, never the password itself", () => {
    const check = checkInboundTrunk({ trunk: inboundAsDesired({ allowedAddresses: ["10.0.0.0/24", "1.2.3.4"], ...auth("in", "other") }), byStoredId: true }, desired);
    expect(check.status).toBe("failed");
    expect(check.reason).toContain("1.2.3.4");
    expect(check.reason).toContain("auth password differs");
    expect(check.reason).not.toContain("secret");
    const outbound = checkOutboundTrunk({ trunk: outboundAsDesired({ transport: "tcp", address: "evil.example.com" }), byStoredId: true }, desired);
    expect(outbound.reason).toContain("transport differs");
    expect(outbound.reason).toContain("address differs");
  });

  it("skip the outbound trunk without a SIP server, but fail if LiveKit still has one", () => {
    const noOutbound = desiredTrunks({ ...account, sipServerAddress: null });
    expect(checkOutboundTrunk(null, noOutbound).status).toBe("skipped");
    expect(checkOutboundTrunk({ trunk: outboundAsDesired(), byStoredId: false }, noOutbound).status).toBe("failed");
  });

  it("name numbers missing from and extra on the trunks, and hide the parking number", () => {
    const check = checkNumbersInSync(["+74951234567"], desired, inboundAsDesired({ numbers: ["+14155552671"] }), outboundAsDesired());
    expect(check.status).toBe("failed");
    expect(check.reason).toContain("missing from the inbound trunk: +74951234567");
    expect(check.reason).toContain("on the inbound trunk but not bound in the console: +14155552671");

    const empty = desiredTrunks({ ...account, numbers: [] });
    const parked = checkNumbersInSync([], empty, inboundAsDesired({ numbers: [parkingNumber("acc-1")] }), null);
    expect(parked).toMatchObject({ status: "ok", reason: "No numbers are bound to this account yet." });
  });

  it("report dispatch-rule problems given by the caller", () => {
    const check = checkNumbersInSync(["+74951234567"], desired, inboundAsDesired(), outboundAsDesired(), ["no dispatch rule for +74951234567"]);
    expect(check.status).toBe("failed");
    expect(check.reason).toContain("no dispatch rule for +74951234567");
  });
});
