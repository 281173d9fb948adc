import { describe, expect, it } from "vitest";
import { webhookUrlProblem } from "./address-policy";

describe("where webhooks may go", () => {
  it("refuses loopback, private and metadata hosts in production mode, by address or by name", async () => {
    for (const url of ["http://127.0.0.1:8080/hook", "https://10.0.0.5/x", "http://169.254.169.254/latest/meta-data", "http://[::1]:9000/", "http://localhost:3000/events"]) {
      expect(await webhookUrlProblem(url, "production"), url).toMatch(/not public|could not be resolved/);
    }
    expect(await webhookUrlProblem("https://93.184.216.34/hook", "production")).toBeNull();
  });

  it("lets a local deployment send to its own machine", async () => {
    expect(await webhookUrlProblem("http://127.0.0.1:8080/hook", "local")).toBeNull();
  });
});
