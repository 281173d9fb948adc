import { describe, expect, it } from "vitest";
import { roleAtLeast } from "./roles";

describe("roleAtLeast", () => {
  it("orders member < admin < owner", () => {
    expect(roleAtLeast("OWNER", "ADMIN")).toBe(true);
    expect(roleAtLeast("ADMIN", "ADMIN")).toBe(true);
    expect(roleAtLeast("MEMBER", "ADMIN")).toBe(false);
    expect(roleAtLeast("ADMIN", "OWNER")).toBe(false);
  });
});
