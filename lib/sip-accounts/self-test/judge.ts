import { refusalCauseText, type RefusalCauseName } from "@/lib/edge/refusal-explanations";
import type { CallStatusName } from "@/lib/calls/status";

// The round-trip self-test's verdict, judged from what the database knows: the outbound leg
// (a call row), the inbound call for the same number that followed it, and any refusal of the
// edge for the account since the test began. Pure, so the page, REST and the dispatcher that
// hangs the test up all judge alike, and each leg's failure is unit-tested.

export const selfTestLegs = ["out", "back", "agent"] as const;
export type SelfTestLegKey = (typeof selfTestLegs)[number];

/** How long the whole round trip may take before the missing leg is declared failed. */
export const SELF_TEST_DEADLINE_MS = 60_000;
/** How long the number's agent has to answer once the call is back in. */
export const AGENT_ANSWER_MS = 30_000;
/** How long after the PBX answered our leg the call has to show up back in. */
const BACK_IN_AFTER_ANSWER_MS = 8_000;

export type SelfTestLegState = "ok" | "failed" | "waiting" | "not_reached";

export type SelfTestLeg = {
  key: SelfTestLegKey;
  title: string;
  state: SelfTestLegState;
  /** The SIP code that leg saw last (180, 200, 403...), when there is one. */
  sipCode: number | null;
  /** Milliseconds from the start of the test to this leg's last step. */
  atMs: number | null;
  detail: string;
};

export type SelfTestResult = {
  state: "running" | "passed" | "failed";
  /** The leg that failed; null while running or when passed. */
  failedLeg: SelfTestLegKey | null;
  summary: string;
  /** What to change, naming the field or the PBX setting; null while running or when passed. */
  fix: string | null;
  legs: SelfTestLeg[];
};

export type SelfTestSnapshot = {
  startedAt: Date;
  /** The number called (and called from). */
  number: string;
  /** The account's SIP server address, for the words of a fix. */
  pbxAddress: string;
  /** Where the PBX should send calls for the number: our public SIP domain. */
  ourSipDomain: string;
  out: {
    status: CallStatusName;
    sipStatusCode: number | null;
    failureReason: string | null;
    waitReason: string | null;
    answeredAt: Date | null;
    endedAt: Date | null;
    /** When it was seen ringing (its status:ringing event). */
    ringingAt: Date | null;
  };
  back: { createdAt: Date; fromNumber: string; status: CallStatusName; answeredAt: Date | null; endedAt: Date | null; agentName: string } | null;
  refusal: { cause: RefusalCauseName; sipCode: number; calledNumber: string; matchedNumber: string | null; sourceAddress: string; at: Date } | null;
};

const titles: Record<SelfTestLegKey, string> = {
  out: "Out: Switchboard to your PBX",
  back: "Back in: your PBX to Switchboard",
  agent: "The number's agent answers",
};

const ended = (status: CallStatusName) => status === "completed" || status === "failed" || status === "busy" || status === "no_answer" || status === "cancelled";

export function judgeSelfTest(s: SelfTestSnapshot, now: Date): SelfTestResult {
  const since = (at: Date | null) => (at ? Math.max(0, at.getTime() - s.startedAt.getTime()) : null);
  const legs: Record<SelfTestLegKey, SelfTestLeg> = {
    out: outLeg(s, since),
    back: backLeg(s, since),
    agent: agentLeg(s, since),
  };
  const list = selfTestLegs.map((k) => legs[k]);
  const fail = (leg: SelfTestLegKey, summary: string, fix: string): SelfTestResult => {
    legs[leg] = { ...legs[leg], state: "failed" };
    // Legs after the failed one were never reached.
    const after = selfTestLegs.slice(selfTestLegs.indexOf(leg) + 1);
    for (const k of after) if (legs[k].state === "waiting") legs[k] = { ...legs[k], state: "not_reached", detail: "Not reached." };
    return { state: "failed", failedLeg: leg, summary, fix, legs: selfTestLegs.map((k) => legs[k]) };
  };
  const elapsed = now.getTime() - s.startedAt.getTime();

  // 1. The edge refused the call on its way back: the cause names the fix exactly.
  if (s.refusal) {
    const r = s.refusal;
    if (r.cause === "not_answered") return fail("agent", "The call came back in, but no agent answered it.", agentFix(s.number));
    return fail("back", `The call came back from your PBX but was refused (SIP ${r.sipCode}).`, refusalFixText(r));
  }
  // 2. Back in and answered: the whole round trip works.
  if (s.back?.answeredAt) {
    return { state: "passed", failedLeg: null, summary: `The call went out to your PBX, came back in for ${s.number} and ${s.back.agentName} answered it.`, fix: null, legs: list };
  }
  if (s.back) {
    if (ended(s.back.status) || (s.out.endedAt && !s.out.answeredAt)) return fail("agent", "The call came back in, but no agent answered it.", agentFix(s.number));
    if (now.getTime() - s.back.createdAt.getTime() > AGENT_ANSWER_MS) return fail("agent", `The call came back in, but no agent answered it within ${AGENT_ANSWER_MS / 1000} s.`, agentFix(s.number));
    return { state: "running", failedLeg: null, summary: "The call is back in; waiting for the agent to answer.", fix: null, legs: list };
  }
  // 3. Nothing came back: what the outbound leg saw says which side to look at.
  if (ended(s.out.status) && !s.out.answeredAt) return outFailure(s, fail);
  if (s.out.answeredAt && now.getTime() - s.out.answeredAt.getTime() > BACK_IN_AFTER_ANSWER_MS) {
    return fail("back", "Your PBX answered the call itself instead of sending it back to us.", routingFix(s));
  }
  if (elapsed > SELF_TEST_DEADLINE_MS) {
    if (s.out.status === "queued") return fail("out", "The call could not be placed in time.", s.out.waitReason ? `${s.out.waitReason}` : "Check that the dispatcher is running, then run the test again.");
    if (s.out.status === "dialing") return fail("out", "Your PBX did not answer our INVITE.", unreachableFix(s));
    return fail("back", `The call reached your PBX but did not come back within ${SELF_TEST_DEADLINE_MS / 1000} s.`, routingFix(s));
  }
  return { state: "running", failedLeg: null, summary: runningSummary(s), fix: null, legs: list };
}

function outLeg(s: SelfTestSnapshot, since: (at: Date | null) => number | null): SelfTestLeg {
  const base = { key: "out" as const, title: titles.out };
  const o = s.out;
  if (o.answeredAt) return { ...base, state: "ok", sipCode: 200, atMs: since(o.answeredAt), detail: `Your PBX at ${s.pbxAddress} answered (200 OK).` };
  if (ended(o.status)) {
    // The PBX took our leg and dropped it only because the way back failed: our leg was fine.
    // The call coming back (or refused on its way back) proves it reached the PBX, even when
    // its ring was too brief to be seen: the dispatcher samples the ringing state.
    if (s.refusal || s.back) {
      const took = o.ringingAt ? "took the call (180)" : "took the call";
      return { ...base, state: "ok", sipCode: o.ringingAt ? 180 : null, atMs: since(o.ringingAt ?? o.endedAt), detail: `Your PBX at ${s.pbxAddress} ${took}, then ended it (SIP ${o.sipStatusCode ?? "?"}) when the way back failed.` };
    }
    return { ...base, state: "failed", sipCode: o.sipStatusCode, atMs: since(o.endedAt), detail: o.failureReason ?? "The call was not connected." };
  }
  if (o.ringingAt || o.status === "ringing") return { ...base, state: "ok", sipCode: 180, atMs: since(o.ringingAt), detail: `Your PBX at ${s.pbxAddress} took the call and is ringing (180).` };
  if (o.status === "queued") return { ...base, state: "waiting", sipCode: null, atMs: null, detail: o.waitReason ?? "Queued; the dispatcher places it in a moment." };
  return { ...base, state: "waiting", sipCode: null, atMs: null, detail: `Dialling your PBX at ${s.pbxAddress}…` };
}

function backLeg(s: SelfTestSnapshot, since: (at: Date | null) => number | null): SelfTestLeg {
  const base = { key: "back" as const, title: titles.back };
  if (s.refusal) return { ...base, state: "failed", sipCode: s.refusal.sipCode, atMs: since(s.refusal.at), detail: refusalCauseText(s.refusal) };
  if (s.back) return { ...base, state: "ok", sipCode: null, atMs: since(s.back.createdAt), detail: `A call from ${s.back.fromNumber} to ${s.number} came in on this account's trunk.` };
  const outGone = ended(s.out.status) && !s.out.answeredAt;
  return { ...base, state: outGone ? "not_reached" : "waiting", sipCode: null, atMs: null, detail: outGone ? "Not reached." : `Waiting for your PBX to send ${s.number} back to us…` };
}

function agentLeg(s: SelfTestSnapshot, since: (at: Date | null) => number | null): SelfTestLeg {
  const base = { key: "agent" as const, title: titles.agent };
  if (s.back?.answeredAt) return { ...base, state: "ok", sipCode: 200, atMs: since(s.back.answeredAt), detail: `${s.back.agentName} answered.` };
  if (s.back) return { ...base, state: "waiting", sipCode: null, atMs: null, detail: `Waiting for ${s.back.agentName} to answer…` };
  return { ...base, state: s.refusal || (ended(s.out.status) && !s.out.answeredAt) ? "not_reached" : "waiting", sipCode: null, atMs: null, detail: "Not reached yet." };
}

type Fail = (leg: SelfTestLegKey, summary: string, fix: string) => SelfTestResult;

/** The outbound leg ended without an answer and nothing came back in. */
function outFailure(s: SelfTestSnapshot, fail: Fail): SelfTestResult {
  const code = s.out.sipStatusCode;
  if (s.out.status === "cancelled") return fail("out", "The outbound call was cancelled before it was placed.", "Run the test again.");
  if (code === 401 || code === 407 || code === 403) {
    return fail("out", `Your PBX refused our call (SIP ${code}).`, "Outbound auth: check that the account's Outbound username and password match the trunk on your PBX, or that your PBX trusts Our SIP server IPs.");
  }
  if (code === 404 || code === 484 || code === 604) {
    return fail("out", `Your PBX has no route for ${s.number} (SIP ${code}).`, routingFix(s));
  }
  if (code === 486 || code === 600) return fail("out", `Your PBX answered busy (SIP ${code}).`, routingFix(s));
  // Rang but never came back: the PBX took the call and sent it somewhere else (or nowhere).
  if (s.out.ringingAt) return fail("back", `Your PBX took the call${code ? ` (it ended with SIP ${code})` : ""} but never sent it back to us.`, routingFix(s));
  if (code === null || code === 408 || code === 480 || code === 503) return fail("out", `Your PBX did not answer our INVITE${code ? ` (SIP ${code})` : ""}.`, unreachableFix(s));
  return fail("out", `Your PBX failed the call (SIP ${code}).`, routingFix(s));
}

function runningSummary(s: SelfTestSnapshot): string {
  if (s.out.status === "queued") return "Placing the call…";
  if (s.out.answeredAt) return "Your PBX answered; waiting for the call to come back in…";
  return s.out.ringingAt || s.out.status === "ringing" ? "Your PBX took the call; waiting for it to come back in…" : "Calling your PBX…";
}

const routingFix = (s: SelfTestSnapshot) =>
  `PBX routing: make your PBX send calls for ${s.number} to ${s.ourSipDomain} unchanged (the account page's PBX config has the lines to paste).`;

const unreachableFix = (s: SelfTestSnapshot) =>
  `Check the account's SIP server address (${s.pbxAddress}) and transport, and that your PBX's firewall lets Our SIP server IPs in.`;

const agentFix = (number: string) => `Agent: check that ${number} has an inbound agent and that the agent worker is running.`;

function refusalFixText(r: NonNullable<SelfTestSnapshot["refusal"]>): string {
  switch (r.cause) {
    case "address_not_allowed":
      return `Allowlist: add ${r.sourceAddress} (the address your PBX sends from) to the account's Allowed inbound IPs.`;
    case "digest_failed":
      return "Inbound auth: set the account's inbound username and password on your PBX's trunk to us.";
    case "unknown_number":
      return `Binding: your PBX sent the call for ${r.calledNumber}, which is bound to no account. Bind it, or make your PBX send the number unchanged.`;
    case "space_suspended":
      return "Ask the deployment's administrator to resume this Space.";
    case "not_answered":
      return agentFix(r.matchedNumber ?? r.calledNumber);
  }
}
