import { describe, expect, it } from "vitest";
import { agentFields, agentInput, llmProviderLabels, speechProviderLabels } from "./schemas";

const valid = { name: "Support", greeting: "Hello, how can I help?", instructions: "You answer support calls.\nBe brief." };

describe("agentFields", () => {
  it("defaults to offline providers and en-US, and stores an empty voice as null", () => {
    expect(agentInput.parse(valid)).toEqual({ ...valid, language: "en-US", voice: null, sttProvider: "offline", llmProvider: "offline", ttsProvider: "offline", endCallEnabled: true, maxCallSeconds: null, silenceTimeoutSeconds: null, transferDestinations: [] });
  });

  it("takes the call-ending settings in whole seconds, empty meaning none", () => {
    expect(agentInput.parse({ ...valid, endCallEnabled: false, maxCallSeconds: " 120 ", silenceTimeoutSeconds: "8" })).toMatchObject({ endCallEnabled: false, maxCallSeconds: 120, silenceTimeoutSeconds: 8 });
    expect(agentInput.parse({ ...valid, maxCallSeconds: "", silenceTimeoutSeconds: "" })).toMatchObject({ maxCallSeconds: null, silenceTimeoutSeconds: null });
  });

  it("labels offline as working on this machine without any provider", () => {
    expect(speechProviderLabels.offline).toMatch(/works on this machine, no provider needed/);
    expect(llmProviderLabels.offline).toBe(speechProviderLabels.offline);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ name: " " }, "name"],
    [{ greeting: "" }, "greeting"],
    [{ greeting: "line one\nline two" }, "greeting"],
    [{ instructions: "x".repeat(20_001) }, "instructions"],
    [{ language: "xx-XX" }, "language"],
    [{ sttProvider: "whisper.cpp" }, "sttProvider"],
    [{ llmProvider: "openai" }, "llmProvider"],
    [{ ttsProvider: "espeak" }, "ttsProvider"],
    [{ voice: "a\u0007b" }, "voice"],
    [{ maxCallSeconds: "4" }, "maxCallSeconds"],
    [{ maxCallSeconds: "1.5" }, "maxCallSeconds"],
    [{ maxCallSeconds: "14401" }, "maxCallSeconds"],
    [{ silenceTimeoutSeconds: "2" }, "silenceTimeoutSeconds"],
    [{ silenceTimeoutSeconds: "ten" }, "silenceTimeoutSeconds"],
    [{ transferDestinations: "sales: 5551234567" }, "transferDestinations"],
  ])("refuses %j on its own field", (patch, field) => {
    const result = agentFields.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual([field]);
  });

  it("takes transfer destinations one a line and stores them as a list", () => {
    expect(agentInput.parse({ ...valid, transferDestinations: "sales: +15551234567\nsupport: sip:support@pbx.example.com" }).transferDestinations).toEqual([
      { name: "sales", target: "+15551234567" },
      { name: "support", target: "sip:support@pbx.example.com" },
    ]);
  });

  it("keeps line breaks in the instructions", () => {
    expect(agentFields.parse(valid).instructions).toContain("\n");
  });
});
