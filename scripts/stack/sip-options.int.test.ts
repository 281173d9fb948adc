import { describe, expect, it } from "vitest";
import { freeUdpPort, runSipp, stackSipPort } from "./sipp";

// sipp plays the customer's PBX: one OPTIONS from 127.0.0.1 to livekit-sip on SIP_PORT.
// The scenario (sipp/options.xml) accepts only a 200; on top of sipp's exit status the
// test checks the status line sipp actually received.

describe("livekit-sip answers SIP OPTIONS", () => {
  it("with 200 OK on SIP_PORT", async () => {
    const r = await runSipp({ scenario: "options.xml", targetPort: stackSipPort(), fields: ["switchboard-probe"], timeoutSeconds: 15 });
    expect(r.statusLines, r.output).toEqual(["SIP/2.0 200 OK"]);
    expect(r.exitCode, r.output).toBe(0);
  });

  it("and the probe fails when nothing answers (control: the check can fail)", async () => {
    const r = await runSipp({ scenario: "options.xml", targetPort: await freeUdpPort(), fields: ["switchboard-probe"], timeoutSeconds: 15 });
    expect(r.statusLines).toEqual([]);
    expect(r.exitCode).not.toBe(0);
  });
});
