import { describe, expect, it } from "vitest";
import { describeCallEvent } from "./call-event";

describe("describeCallEvent", () => {
  it.each([
    ["status:queued", "Queued by a member", { title: "Queued", detail: "Queued by a member" }],
    ["status:dialing", "Dialling +15550100300", { title: "Dialling", detail: "Dialling +15550100300" }],
    ["status:in_progress", null, { title: "In progress", detail: null }],
    ["status:no_answer", "", { title: "No answer", detail: null }],
    ["participant_joined", "sip.callStatus dialing", { title: "The phone line joined the call", detail: "Phone line dialling" }],
    ["participant_joined", "sip.callStatus active", { title: "The phone line joined the call", detail: "Phone line answered" }],
    ["participant_left", "left: hangup", { title: "The phone line left the call", detail: "Reason: hung up" }],
    ["participant_left", "left: SOME_REASON", { title: "The phone line left the call", detail: "Reason: some reason" }],
    ["room_finished", null, { title: "The call's room closed", detail: null }],
    ["status:some_new_state", null, { title: "Some new state", detail: null }],
    ["track.published", null, { title: "Track published", detail: null }],
  ])("%s / %j", (kind, detail, expected) => {
    expect(describeCallEvent(kind, detail)).toEqual(expected);
  });

  it("never shows a machine name", () => {
    for (const kind of ["status:queued", "status:dialing", "participant_joined", "room_finished", "not_dispatched"]) {
      const { title } = describeCallEvent(kind, "sip.callStatus dialing");
      expect(title).not.toMatch(/[_:]|status/);
    }
    expect(describeCallEvent("participant_joined", "sip.callStatus dialing").detail).not.toContain("sip.callStatus");
  });
});
