import { describe, expect, it } from "vitest";
import { isPublicAddress, webhookUrlProblem } from "./address-policy";

describe("where webhooks may go", () => {
  it("only public unicast addresses count as public", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "169.254.169.254", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fc00::1", "fd00:ec2::254", "::ffff:127.0.0.1", "::ffff:10.0.0.1"]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
    for (const a of ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"]) expect(isPublicAddress(a), a).toBe(true);
  });

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
