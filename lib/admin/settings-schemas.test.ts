import { describe, expect, it } from "vitest";
import { deploymentSettingsFields, fieldsFromSettings, settingsFromFields } from "./settings-schemas";

const blank = { signUpMode: "open", invitedEmails: "", sipPublicDomain: "", sipPublicIps: "", defaultMonthlyMinutesLimit: "", defaultOutboundCallsPerMinute: "", defaultOutboundConcurrentCalls: "", defaultOutboundCallsPerDay: "" };
const errorsOf = (raw: Record<string, string>) => {
  const parsed = deploymentSettingsFields.safeParse({ ...blank, ...raw });
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("deployment settings fields", () => {
  it("turns the form's text into stored values: emails lowercased and deduplicated, empty as null or empty", () => {
    const parsed = deploymentSettingsFields.parse({ ...blank, signUpMode: "invite_only", invitedEmails: "Ann@Example.com\nann@example.com, bob@example.com", sipPublicDomain: "sip.example.com:5070", sipPublicIps: "203.0.113.10:5060\n203.0.113.11", defaultMonthlyMinutesLimit: "600" });
    const values = settingsFromFields(parsed);
    expect(values).toEqual({
      signUpMode: "invite_only", invitedEmails: ["ann@example.com", "bob@example.com"], sipPublicDomain: "sip.example.com:5070", sipPublicIps: ["203.0.113.10:5060", "203.0.113.11"],
      defaultMonthlyMinutesLimit: 600, defaultOutboundCallsPerMinute: null, defaultOutboundConcurrentCalls: null, defaultOutboundCallsPerDay: null,
    });
    expect(settingsFromFields(deploymentSettingsFields.parse(fieldsFromSettings(values)))).toEqual(values);
  });

  it("puts each bad value on its own field", () => {
    expect(errorsOf({ invitedEmails: "ann@example.com\nnot-an-email" })).toHaveProperty("invitedEmails");
    expect(errorsOf({ sipPublicDomain: "sip example.com" })).toHaveProperty("sipPublicDomain");
    expect(errorsOf({ sipPublicDomain: "sip.example.com:70000" })).toHaveProperty("sipPublicDomain");
    expect(errorsOf({ sipPublicIps: "203.0.113.300" })).toHaveProperty("sipPublicIps");
    expect(errorsOf({ defaultMonthlyMinutesLimit: "-5" })).toHaveProperty("defaultMonthlyMinutesLimit");
    expect(errorsOf({ defaultOutboundCallsPerMinute: "0" })).toHaveProperty("defaultOutboundCallsPerMinute");
    expect(errorsOf({ signUpMode: "closed" })).toHaveProperty("signUpMode");
    expect(errorsOf({})).toEqual({});
  });
});
