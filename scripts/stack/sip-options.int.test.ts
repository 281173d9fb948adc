import { describe, expect, it } from "vitest";
import { freeUdpPort, liveKitSipPort, runSipp, stackSipPort } from "./sipp";

// sipp plays the customer's PBX: one OPTIONS from 127.0.0.1 to the public SIP_PORT (the SIP
// edge, or livekit-sip in direct mode) and one to livekit-sip's own port.
// The scenario (sipp/options.xml) accepts only a 200; on top of sipp's exit status the
// test checks the status line sipp actually received.

describe("the stack answers SIP OPTIONS", () => {
  it.each([
    ["the public SIP_PORT", stackSipPort],
    ["livekit-sip's own port", liveKitSipPort],
  ])("with 200 OK on %s", async (_name, port) => {
    const r = await runSipp({ scenario: "options.xml", targetPort: port(), fields: ["switchboard-probe"], timeoutSeconds: 15 });
    expect(r.statusLines, r.output).toEqual(["SIP/2.0 200 OK"]);
    expect(r.exitCode, r.output).toBe(0);
  });

  it("and the probe fails when nothing answers (control: the check can fail)", async () => {
    const r = await runSipp({ scenario: "options.xml", targetPort: await freeUdpPort(), fields: ["switchboard-probe"], timeoutSeconds: 15 });
    expect(r.statusLines).toEqual([]);
    expect(r.exitCode).not.toBe(0);
  });
});
