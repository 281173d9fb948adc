import { describe, expect, it } from "vitest";
import { isDeploymentAdmin } from "./admin-rule";

describe("isDeploymentAdmin", () => {
  it("admits an email named in the setting, whatever its case", () => {
    expect(isDeploymentAdmin({ email: "Ops@Example.com", deploymentAdmin: false }, ["ops@example.com"])).toBe(true);
  });
  it("admits the first user of a fresh deployment", () => {
    expect(isDeploymentAdmin({ email: "first@example.com", deploymentAdmin: true }, [])).toBe(true);
  });
  it("refuses everyone else, Space owners included", () => {
    expect(isDeploymentAdmin({ email: "owner@example.com", deploymentAdmin: false }, ["ops@example.com"])).toBe(false);
    expect(isDeploymentAdmin({ email: "owner@example.com", deploymentAdmin: false }, [])).toBe(false);
  });
});
