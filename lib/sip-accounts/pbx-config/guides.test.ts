import { describe, expect, it } from "vitest";
import { guideText, pbxGuides } from "./guides";
import { INBOUND_PASSWORD_PLACEHOLDER, OUTBOUND_PASSWORD_PLACEHOLDER, trunkName } from "./input";
import { digestBothWays, ipTrustInboundOnly } from "./test-accounts";

const field = (input: typeof digestBothWays, id: string, name: string) => pbxGuides(input).find((g) => g.id === id)?.fields.find((f) => f.field === name)?.value;

describe("pbxGuides", () => {
  it("fills FreePBX, 3CX and cloud PBX fields from the account", () => {
    expect(pbxGuides(digestBothWays).map((g) => g.title)).toEqual(["FreePBX", "3CX", "Cloud PBX (Mango Office and others)"]);
    expect(field(digestBothWays, "freepbx", "pjsip Settings → SIP Server")).toBe("livekit-sip.example.com");
    expect(field(digestBothWays, "freepbx", "pjsip Settings → SIP Server Port")).toBe("5060");
    expect(field(digestBothWays, "freepbx", "pjsip Settings → Username")).toBe("pbx;in&<x>");
    expect(field(digestBothWays, "freepbx", "pjsip Settings → Secret")).toBe(INBOUND_PASSWORD_PLACEHOLDER);
    expect(field(digestBothWays, "freepbx", "pjsip Settings → Transport")).toBe("TCP");
    expect(field(digestBothWays, "freepbx", "Advanced → Match (Permit)")).toBe("78.47.123.164, 78.47.123.165");
    expect(field(digestBothWays, "3cx", "Main Trunk No")).toBe("+71234567890");
    expect(field(digestBothWays, "3cx", "Inbound parameters → IP addresses of the provider")).toBe("78.47.123.164, 78.47.123.165");
    expect(field(digestBothWays, "cloud", "SIP trunk destination (URI)")).toBe("sip:livekit-sip.example.com:5060;transport=tcp");
    expect(field(digestBothWays, "cloud", "Your PBX must send from")).toBe("1.2.3.4, 10.0.0.0/24");
    expect(field(digestBothWays, "cloud", "Our outbound calls arrive at")).toBe("vpbx400312852.mangosip.ru:5070");
    expect(field(digestBothWays, "cloud", "SIP account for our outbound calls")).toBe(`username livekit-out, password ${OUTBOUND_PASSWORD_PLACEHOLDER}`);
  });

  it("says IP-trust and no credentials when the account has none", () => {
    expect(field(ipTrustInboundOnly, "freepbx", "pjsip Settings → Authentication")).toBe("None");
    expect(field(ipTrustInboundOnly, "3cx", "Type of Authentication")).toBe("Do not require - IP Based");
    expect(field(ipTrustInboundOnly, "cloud", "SIP account for our outbound calls")).toBe("none (IP-trust)");
    for (const guide of pbxGuides(ipTrustInboundOnly)) expect(guideText(guide)).not.toMatch(/password/);
  });

  it("names the trunk after the account, or its id when the name has no ASCII letters", () => {
    expect(trunkName({ id: "x", accountName: "Mango Office (main)" })).toBe("switchboard-mango-office-main");
    expect(trunkName({ id: "cm0abcdefGHIJKLM", accountName: "Ящик" })).toBe("switchboard-fghijklm");
  });
});
