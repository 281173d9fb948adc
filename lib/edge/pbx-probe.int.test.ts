import { describe, expect, it } from "vitest";
import { pbxReachableCheck } from "./pbx-probe";

// Verify's "PBX reachable" through the stack's real SIP edge (its JSON-RPC port; the
// integration tier runs no web app, so the deployment's edge settings are blank here). Each
// probe holds one of the edge's RPC workers until the PBX answers or its 5 s timer ends: when
// the probes outnumbered the workers (four, shared with SIP over TCP), the last ones waited
// for a free worker past our 8 s and were reported as "the SIP edge did not answer".

const rpcUrl = `http://127.0.0.1:${process.env.EDGE_RPC_PORT}/RPC`;
// UDP port 9 (discard): nothing answers there.
const silentPbx = { sipServerAddress: "127.0.0.1:9", sipTransport: "udp" as const };

describe("the PBX probe", () => {
  it("gives each of six silent PBXs probed at once its own verdict: no answer within 5 s", async () => {
    const started = performance.now();
    const checks = await Promise.all(Array.from({ length: 6 }, () => pbxReachableCheck(silentPbx, rpcUrl)));
    for (const check of checks) {
      expect(check, JSON.stringify(checks)).toMatchObject({ status: "failed", reason: "No answer to SIP OPTIONS within 5 s from sip:127.0.0.1:9;transport=udp." });
    }
    // Side by side, not one after another.
    expect(performance.now() - started).toBeLessThan(8_000);
  });
});
