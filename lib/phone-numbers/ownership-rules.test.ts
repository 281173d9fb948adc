import { describe, expect, it } from "vitest";
import { callerIdRefusal, carriesVerification, claimDecision, CLAIM_NEEDS_ADDRESSES, HELD_VERIFIED, provenClaim, UNVERIFIED_CALLER_ID } from "./ownership-rules";

const now = new Date("2026-11-30T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

describe("callerIdRefusal", () => {
  it("refuses an unverified number in production only", () => {
    expect(callerIdRefusal("production", null)).toBe(UNVERIFIED_CALLER_ID);
    expect(callerIdRefusal("production", hoursAgo(1))).toBeNull();
    expect(callerIdRefusal("local", null)).toBeNull();
  });
  it("tells the operator how to verify", () => {
    expect(UNVERIFIED_CALLER_ID).toContain("one inbound call to the number through this account");
  });
});

describe("claimDecision", () => {
  it("never lets a verified binding be claimed, however old", () => {
    expect(claimDecision({ verifiedAt: hoursAgo(500), createdAt: hoursAgo(1000) }, true, now)).toEqual({ kind: "refuse", message: HELD_VERIFIED });
  });
  it("refuses while the unverified binding is younger than 72 hours and says from when", () => {
    const d = claimDecision({ verifiedAt: null, createdAt: hoursAgo(71) }, true, now);
    expect(d.kind).toBe("refuse");
    expect(d.kind === "refuse" && d.message).toContain("less than 72 hours");
    // 71 hours ago from 12:00 is claimable at 13:00; 71.5 hours ago at 12:30, said as 13:00 (rounded up).
    expect(d.kind === "refuse" && d.message).toContain("From 2026-11-30 13:00 UTC it can be claimed");
    const half = claimDecision({ verifiedAt: null, createdAt: hoursAgo(71.5) }, true, now);
    expect(half.kind === "refuse" && half.message).toContain("From 2026-11-30 13:00 UTC it can be claimed");
  });
  it("records a claim on an unverified binding of 72 hours or more", () => {
    expect(claimDecision({ verifiedAt: null, createdAt: hoursAgo(72) }, true, now)).toEqual({ kind: "claim" });
    expect(claimDecision({ verifiedAt: null, createdAt: hoursAgo(400) }, true, now)).toEqual({ kind: "claim" });
  });
  it("asks for Allowed inbound IPs when the claiming account has none to prove it from", () => {
    expect(claimDecision({ verifiedAt: null, createdAt: hoursAgo(100) }, false, now)).toEqual({ kind: "refuse", message: CLAIM_NEEDS_ADDRESSES });
  });
});

describe("provenClaim", () => {
  const holder = { spaceId: "a", verifiedAt: null, createdAt: hoursAgo(100) };
  const claims = [
    { id: "late", spaceId: "b", claimedAt: hoursAgo(1), ip: "127.0.0.9" },
    { id: "early", spaceId: "c", claimedAt: hoursAgo(2), ip: "127.0.0.9" },
    { id: "other", spaceId: "d", claimedAt: hoursAgo(3), ip: "127.0.0.7" },
    { id: "own", spaceId: "a", claimedAt: hoursAgo(4), ip: "127.0.0.9" },
  ];
  const from = (ip: string) => (c: { ip: string }) => c.ip === ip;
  it("picks the oldest claim from the INVITE's address, never the holder's own Space", () => {
    expect(provenClaim(holder, claims, from("127.0.0.9"), now)?.id).toBe("early");
    expect(provenClaim(holder, claims, from("127.0.0.7"), now)?.id).toBe("other");
    expect(provenClaim(holder, claims, from("127.0.0.5"), now)).toBeNull();
  });
  it("proves nothing once the holder verified the number or while it is young", () => {
    expect(provenClaim({ ...holder, verifiedAt: hoursAgo(1) }, claims, from("127.0.0.9"), now)).toBeNull();
    expect(provenClaim({ ...holder, createdAt: hoursAgo(10) }, claims, from("127.0.0.9"), now)).toBeNull();
  });
});

describe("carriesVerification", () => {
  it("carries the Space's own latest proof on the same account only", () => {
    expect(carriesVerification({ spaceId: "a", sipAccountId: "x" }, { spaceId: "a", sipAccountId: "x" })).toBe(true);
    expect(carriesVerification({ spaceId: "a", sipAccountId: "y" }, { spaceId: "a", sipAccountId: "x" })).toBe(false);
    expect(carriesVerification({ spaceId: "b", sipAccountId: "x" }, { spaceId: "a", sipAccountId: "x" })).toBe(false);
    expect(carriesVerification(null, { spaceId: "a", sipAccountId: "x" })).toBe(false);
  });
});
