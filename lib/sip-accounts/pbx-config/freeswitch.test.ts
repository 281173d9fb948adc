import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { freeswitchGatewayXml } from "./freeswitch";
import { INBOUND_PASSWORD_PLACEHOLDER } from "./input";
import { digestBothWays, ipTrustInboundOnly } from "./test-accounts";

type Param = { "@_name": string; "@_value": string };
type Parsed = { include: { gateway: { "@_name": string; param: Param[] }; "#comment"?: unknown } };

function parseGateway(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "param", commentPropName: "#comment" }).parse(xml) as Parsed;
  const params = doc.include.gateway.param.map((p) => [p["@_name"], p["@_value"]] as const);
  expect(new Set(params.map(([name]) => name)).size).toBe(params.length);
  return { name: doc.include.gateway["@_name"], params: Object.fromEntries(params), comments: JSON.stringify(doc.include["#comment"]) };
}

describe("freeswitchGatewayXml", () => {
  it("is a well-formed gateway that never registers, with every value from the account", () => {
    const gateway = parseGateway(freeswitchGatewayXml(digestBothWays));
    expect(gateway.name).toBe("switchboard-mango-office");
    expect(gateway.params).toEqual({
      proxy: "livekit-sip.example.com:5060",
      realm: "livekit-sip.example.com:5060",
      register: "false",
      username: "pbx;in&<x>",
      password: INBOUND_PASSWORD_PLACEHOLDER,
      "register-transport": "tcp",
      "caller-id-in-from": "true",
      ping: "60",
    });
    expect(gateway.comments).toContain("sofia/gateway/switchboard-mango-office/+71234567890");
    expect(gateway.comments).toContain("78.47.123.164/32, 78.47.123.165/32");
  });

  it("sends no password and lets LiveKit pick the transport on an IP-trust Auto account", () => {
    const xml = freeswitchGatewayXml(ipTrustInboundOnly);
    const gateway = parseGateway(xml);
    expect(gateway.params.password).toBeUndefined();
    expect(gateway.params["register-transport"]).toBeUndefined();
    expect(gateway.params.username).toBe("switchboard");
    // The account name's "--" would end the XML comment early.
    expect(gateway.comments).toContain("Ящик - - 2");
  });
});
