import { describe, expect, it } from "vitest";
import { desiredTrunks, parkingNumber, type AccountForProvisioning } from "./desired-trunks";
import { readMarker } from "./marker";

const account: AccountForProvisioning = {
  id: "acc-1",
  spaceId: "space-1",
  name: "Mango Office",
  sipServerAddress: "pbx.example.com:5080",
  sipTransport: "udp",
  destinationCountry: "RU",
  allowedInboundIps: ["10.0.0.0/24"],
  inboundAuth: { username: "in", password: "in-pw" },
  outboundAuth: null,
  numbers: ["+74951234567", "+14155552671"],
  passHeaders: [],
};

describe("desiredTrunks", () => {
  it("describes both trunks from the account, marked with its ids", () => {
    const { inbound, outbound } = desiredTrunks(account);
    expect(inbound).toMatchObject({ allowedAddresses: ["10.0.0.0/24"], numbers: ["+14155552671", "+74951234567"], auth: { username: "in", password: "in-pw" } });
    expect(outbound).toMatchObject({ address: "pbx.example.com:5080", transport: "udp", destinationCountry: "RU" });
    expect(outbound).not.toHaveProperty("auth");
    expect(readMarker(inbound.metadata)).toMatchObject({ accountId: "acc-1", spaceId: "space-1", role: "inbound-trunk" });
    expect(readMarker(outbound!.metadata)).toMatchObject({ role: "outbound-trunk" });
  });

  it("has no outbound trunk without a SIP server address", () => {
    expect(desiredTrunks({ ...account, sipServerAddress: null }).outbound).toBeNull();
  });

  it("parks trunks on an undialable per-account number while no number is bound", () => {
    const { inbound, outbound } = desiredTrunks({ ...account, numbers: [] });
    expect(inbound.numbers).toEqual([parkingNumber("acc-1")]);
    expect(outbound!.numbers).toEqual([parkingNumber("acc-1")]);
    expect(parkingNumber("acc-1")).not.toEqual(parkingNumber("acc-2"));
  });

  it("puts the bound numbers on both trunks in place of the parking number, in a stable order", () => {
    const first = desiredTrunks({ ...account, numbers: ["+74951234567"] });
    expect(first.inbound.numbers).toEqual(["+74951234567"]);
    expect(first.outbound!.numbers).toEqual(["+74951234567"]);
    expect(first.inbound.numbers).not.toContain(parkingNumber("acc-1"));
    // The order the rows came in does not matter: the same set gives the same trunk.
    const a = desiredTrunks({ ...account, numbers: ["+74951234567", "+14155552671", "+442079460958"] });
    const b = desiredTrunks({ ...account, numbers: ["+442079460958", "+74951234567", "+14155552671"] });
    expect(a).toEqual(b);
    expect(a.inbound.numbers).toEqual(["+14155552671", "+442079460958", "+74951234567"]);
  });

  it("parks again once the last number is unbound", () => {
    const { inbound } = desiredTrunks({ ...account, numbers: [] });
    expect(inbound.numbers).toEqual([parkingNumber("acc-1")]);
  });
});
