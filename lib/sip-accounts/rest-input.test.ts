import { describe, expect, it } from "vitest";
import { createFieldsFromRest, editFieldsFromRest, makeSipAccountRestSchemas } from "./rest-input";
import { makeSipAccountSchemas } from "./schemas";
import type { SipAccountView } from "./view";

const schemas = makeSipAccountSchemas({ ipMode: "local" });
const rest = makeSipAccountRestSchemas(schemas);
const body = { accountName: "Mango Office", destinationCountry: "RU", allowedInboundIps: ["1.2.3.4"] };

describe("REST sipTransport", () => {
  it.each([
    ["Auto", "auto"],
    ["UDP", "udp"],
    ["tcp", "tcp"],
    ["Tls", "tls"],
    [" TCP ", "tcp"],
  ])("takes %j, the seed's label or the stored value in any case, as %s", (label, stored) => {
    expect(rest.createSipAccountBody.safeParse({ ...body, sipTransport: label }).success).toBe(true);
    const input = schemas.createSipAccountInput.parse(createFieldsFromRest({ ...body, sipTransport: label }));
    expect(input.sipTransport).toBe(stored);
    const current = { sipTransport: "auto", accountName: "Mango Office", sipServerAddress: null, destinationCountry: "RU", allowedInboundIps: ["1.2.3.4"], outboundUsername: null, inboundUsername: null, maxConcurrentCalls: null, callsPerSecond: null } as unknown as SipAccountView;
    expect(editFieldsFromRest({ sipTransport: label }, current).sipTransport).toBe(stored);
  });

  it("refuses other transports with the values to use", () => {
    const r = rest.createSipAccountBody.safeParse({ ...body, sipTransport: "wss" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("Use auto, udp, tcp or tls (any case, as in Auto or UDP).");
    expect(rest.updateSipAccountBody.safeParse({ sipTransport: 5 }).success).toBe(false);
  });

  it("defaults to auto when absent", () => {
    expect(schemas.createSipAccountInput.parse(createFieldsFromRest(body)).sipTransport).toBe("auto");
  });
});
