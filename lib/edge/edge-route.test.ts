import { describe, expect, it } from "vitest";
import { parseInviteForm, parseRefusedForm } from "./edge-route";

// What Kamailio's route[INVITE] sends ({s.escape.param} leaves "+" as it is).
const form = "to=+14155552671&from=%2B1555%20x&sourceIp=203.0.113.7&transport=UDP&hasCredentials=false&callId=abc%40host";

describe("the edge's forms", () => {
  it("keep the + of an E.164 number and decode escapes", () => {
    expect(parseInviteForm(form)).toEqual({
      calledNumber: "+14155552671",
      fromNumber: "+1555 x",
      sourceAddress: "203.0.113.7",
      transport: "udp",
      sipCallId: "abc@host",
      hasCredentials: false,
    });
  });
  it("carry the SIP code of an upstream refusal", () => {
    expect(parseRefusedForm(`${form}&sipCode=407&sipReason=Unauthorized`)?.sipCode).toBe(407);
  });
  it("refuse what the edge does not send", () => {
    expect(parseInviteForm("to=%ZZ&sourceIp=1.2.3.4")).toBeNull();
    expect(parseInviteForm(form.replace("203.0.113.7", "<script>"))).toBeNull();
    expect(parseRefusedForm(form)).toBeNull();
  });
});
