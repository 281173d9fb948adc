import { describe, expect, it } from "vitest";
import { approvalAllowed, hostTrust, type HostProof } from "./rules";

const a = { id: "acc-a", spaceId: "space-a" };
const b = { id: "acc-b", spaceId: "space-b" };
const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 12, minute));
const proof = (account: { id: string; spaceId: string }, kind: HostProof["kind"], minute: number): HostProof => ({ spaceId: account.spaceId, sipAccountId: account.id, kind, createdAt: at(minute) });

describe("host ownership", () => {
  it("an address nobody proved is not trusted", () => {
    expect(hostTrust(a, [])).toEqual({ trusted: false, why: "unproven" });
  });

  it("an inbound call through the account proves the address, whoever else holds it", () => {
    expect(hostTrust(a, [proof(a, "inbound_call", 1)])).toEqual({ trusted: true, by: "inbound_call", since: at(1) });
    expect(hostTrust(a, [proof(b, "inbound_call", 0), proof(a, "inbound_call", 1)]).trusted).toBe(true);
  });

  it("the toll-fraud case: another Space's PBX proved the address, this account has nothing", () => {
    expect(hostTrust(b, [proof(a, "inbound_call", 1)])).toEqual({ trusted: false, why: "held_by_another_space" });
    expect(approvalAllowed(b.spaceId, [proof(a, "inbound_call", 1)])).toBe(false);
  });

  it("an owner's approval counts while no other Space holds the address", () => {
    expect(approvalAllowed(a.spaceId, [])).toBe(true);
    expect(hostTrust(a, [proof(a, "owner_approval", 1)])).toEqual({ trusted: true, by: "owner_approval", since: at(1) });
  });

  it("an approval is void once another Space proves the address with a call", () => {
    expect(hostTrust(b, [proof(b, "owner_approval", 1), proof(a, "inbound_call", 5)])).toEqual({ trusted: false, why: "held_by_another_space" });
  });

  it("of two approvals of one address only the earlier counts", () => {
    const proofs = [proof(a, "owner_approval", 1), proof(b, "owner_approval", 2)];
    expect(hostTrust(a, proofs).trusted).toBe(true);
    expect(hostTrust(b, proofs).trusted).toBe(false);
  });

  it("another account of the same Space does not prove the address for this one", () => {
    const sibling = { id: "acc-a2", spaceId: "space-a" };
    expect(hostTrust(a, [proof(sibling, "inbound_call", 1)])).toEqual({ trusted: false, why: "unproven" });
  });
});
