import { describe, expect, it } from "vitest";
import { AGENT_ANSWER_MS, SELF_TEST_DEADLINE_MS, judgeSelfTest, type SelfTestSnapshot } from "./judge";

const t0 = new Date("2026-12-01T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

function snapshot(over: Partial<SelfTestSnapshot> = {}, out: Partial<SelfTestSnapshot["out"]> = {}): SelfTestSnapshot {
  return {
    startedAt: t0,
    number: "+14155550100",
    pbxAddress: "pbx.example.com:5060",
    ourSipDomain: "sip.switchboard.example",
    out: { status: "dialing", sipStatusCode: null, failureReason: null, waitReason: null, answeredAt: null, endedAt: null, ringingAt: null, ...out },
    back: null,
    refusal: null,
    ...over,
  };
}

const back = (over: Partial<NonNullable<SelfTestSnapshot["back"]>> = {}): NonNullable<SelfTestSnapshot["back"]> => ({
  createdAt: at(1500),
  fromNumber: "+14155550100",
  status: "ringing",
  answeredAt: null,
  endedAt: null,
  agentName: "Front desk",
  ...over,
});

const states = (r: ReturnType<typeof judgeSelfTest>) => r.legs.map((l) => `${l.key}:${l.state}`);

describe("judgeSelfTest", () => {
  it("passes once the call is back in and the agent answered, every leg green", () => {
    const r = judgeSelfTest(snapshot({ back: back({ status: "in_progress", answeredAt: at(2000) }) }, { status: "in_progress", answeredAt: at(2100), ringingAt: at(300) }), at(2200));
    expect(r.state).toBe("passed");
    expect(r.failedLeg).toBeNull();
    expect(states(r)).toEqual(["out:ok", "back:ok", "agent:ok"]);
    expect(r.summary).toContain("Front desk answered");
    expect(r.legs.find((l) => l.key === "agent")?.atMs).toBe(2000);
  });

  it("keeps running while the PBX rings and nothing came back yet", () => {
    const r = judgeSelfTest(snapshot({}, { status: "ringing", ringingAt: at(300) }), at(3000));
    expect(r.state).toBe("running");
    expect(states(r)).toEqual(["out:ok", "back:waiting", "agent:waiting"]);
    expect(r.legs[0]!.sipCode).toBe(180);
  });

  it("blames outbound auth when the PBX refuses our INVITE with 401, 407 or 403", () => {
    for (const code of [401, 403, 407]) {
      const r = judgeSelfTest(snapshot({}, { status: "failed", sipStatusCode: code, endedAt: at(400), failureReason: "The PBX refused the outbound credentials." }), at(500));
      expect(r.state).toBe("failed");
      expect(r.failedLeg).toBe("out");
      expect(r.fix).toMatch(/^Outbound auth: .*Outbound username and password/);
      expect(states(r)).toEqual(["out:failed", "back:not_reached", "agent:not_reached"]);
      expect(r.legs[0]!.sipCode).toBe(code);
    }
  });

  it("blames the PBX's routing when it has no route for the number, naming where to send it", () => {
    const r = judgeSelfTest(snapshot({}, { status: "failed", sipStatusCode: 404, endedAt: at(900), ringingAt: at(300) }), at(1000));
    expect(r.failedLeg).toBe("out");
    expect(r.fix).toBe("PBX routing: make your PBX send calls for +14155550100 to sip.switchboard.example unchanged (the account page's PBX config has the lines to paste).");
  });

  it("blames the back leg when the PBX rang, then gave up without sending the call back", () => {
    const r = judgeSelfTest(snapshot({}, { status: "no_answer", sipStatusCode: 487, endedAt: at(30_000), ringingAt: at(300) }), at(30_100));
    expect(r.failedLeg).toBe("back");
    expect(r.fix).toMatch(/^PBX routing:/);
  });

  it("says the PBX is unreachable when our INVITE got no answer at all", () => {
    const r = judgeSelfTest(snapshot({}, { status: "no_answer", sipStatusCode: 408, endedAt: at(30_000) }), at(30_100));
    expect(r.failedLeg).toBe("out");
    expect(r.fix).toContain("pbx.example.com:5060");
  });

  it("names the allowlist and the address when the edge refused the call coming back", () => {
    const refusal = { cause: "address_not_allowed" as const, sipCode: 403, calledNumber: "+14155550100", matchedNumber: "+14155550100", sourceAddress: "203.0.113.9", at: at(1200) };
    const r = judgeSelfTest(snapshot({ refusal }, { status: "failed", sipStatusCode: 403, endedAt: at(1300), ringingAt: at(300) }), at(1400));
    expect(r.failedLeg).toBe("back");
    expect(r.fix).toBe("Allowlist: add 203.0.113.9 (the address your PBX sends from) to the account's Allowed inbound IPs.");
    expect(states(r)).toEqual(["out:ok", "back:failed", "agent:not_reached"]);
    expect(r.legs[1]!.sipCode).toBe(403);
  });

  it("keeps the out leg green when the way back was refused before the PBX's brief ring was seen", () => {
    const refusal = { cause: "address_not_allowed" as const, sipCode: 403, calledNumber: "+14155550100", matchedNumber: "+14155550100", sourceAddress: "203.0.113.9", at: at(250) };
    const r = judgeSelfTest(snapshot({ refusal }, { status: "failed", sipStatusCode: 480, endedAt: at(320) }), at(400));
    expect(r.failedLeg).toBe("back");
    expect(states(r)).toEqual(["out:ok", "back:failed", "agent:not_reached"]);
    expect(r.legs[0]!.detail).toMatch(/took the call, then ended it \(SIP 480\) when the way back failed/);
  });

  it("names the inbound credentials when the PBX's digest answer did not match", () => {
    const refusal = { cause: "digest_failed" as const, sipCode: 403, calledNumber: "+14155550100", matchedNumber: "+14155550100", sourceAddress: "203.0.113.9", at: at(1200) };
    expect(judgeSelfTest(snapshot({ refusal }), at(1300)).fix).toMatch(/^Inbound auth:/);
  });

  it("blames the agent when the call came back but nobody answered within the bound", () => {
    const running = judgeSelfTest(snapshot({ back: back() }, { status: "ringing", ringingAt: at(300) }), at(1500 + AGENT_ANSWER_MS - 1));
    expect(running.state).toBe("running");
    const r = judgeSelfTest(snapshot({ back: back() }, { status: "ringing", ringingAt: at(300) }), at(1500 + AGENT_ANSWER_MS + 1));
    expect(r.failedLeg).toBe("agent");
    expect(r.fix).toMatch(/^Agent: check that \+14155550100 has an inbound agent/);
    expect(states(r)).toEqual(["out:ok", "back:ok", "agent:failed"]);
  });

  it("blames the back leg when the PBX answered our leg itself and nothing came back", () => {
    const r = judgeSelfTest(snapshot({}, { status: "in_progress", answeredAt: at(800), ringingAt: at(300) }), at(800 + 9000));
    expect(r.failedLeg).toBe("back");
    expect(r.summary).toBe("Your PBX answered the call itself instead of sending it back to us.");
  });

  it("fails a call still queued at the deadline with its wait reason", () => {
    const r = judgeSelfTest(snapshot({}, { status: "queued", waitReason: "The account's 2 channels are all in use." }), at(SELF_TEST_DEADLINE_MS + 1));
    expect(r.failedLeg).toBe("out");
    expect(r.fix).toBe("The account's 2 channels are all in use.");
  });
});
