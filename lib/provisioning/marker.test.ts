import { describe, expect, it } from "vitest";
import { isMarkedFor, markerMetadata, readMarker } from "./marker";

describe("object markers", () => {
  it("round-trips and identifies the account and role", () => {
    const meta = markerMetadata({ spaceId: "s1", accountId: "a1", role: "inbound-trunk" });
    expect(readMarker(meta)).toEqual({ managedBy: "switchboard/v1", spaceId: "s1", accountId: "a1", role: "inbound-trunk" });
    expect(isMarkedFor(meta, "a1", "inbound-trunk")).toBe(true);
    expect(isMarkedFor(meta, "a1", "outbound-trunk")).toBe(false);
    expect(isMarkedFor(meta, "a2", "inbound-trunk")).toBe(false);
  });

  it("ignores metadata that is not ours", () => {
    expect(readMarker("")).toBeNull();
    expect(readMarker("not json")).toBeNull();
    expect(readMarker(JSON.stringify({ accountId: "a1", spaceId: "s", role: "inbound-trunk" }))).toBeNull();
    expect(readMarker(JSON.stringify({ managedBy: "switchboard/v1", accountId: "a1", spaceId: "s", role: "other" }))).toBeNull();
  });
});
