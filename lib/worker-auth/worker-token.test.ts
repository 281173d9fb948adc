import { describe, expect, it } from "vitest";
import { bearerToken, isWorkerRequest, tokensMatch, workerSpaceContext } from "./worker-token";

const TOKEN = "0123456789abcdef0123456789abcdef-worker";
const req = (authorization?: string) => new Request("http://console/api/internal/agents/a1?spaceId=s1", { headers: authorization ? { authorization } : {} });

describe("the worker's bearer token", () => {
  it("is read only from a well-formed Bearer header", () => {
    expect(bearerToken(req(`Bearer ${TOKEN}`))).toBe(TOKEN);
    expect(bearerToken(req(`bearer ${TOKEN}`))).toBeNull();
    expect(bearerToken(req(`Basic ${TOKEN}`))).toBeNull();
    expect(bearerToken(req("Bearer "))).toBeNull();
    expect(bearerToken(req(`Bearer ${TOKEN} extra`))).toBeNull();
    expect(bearerToken(req())).toBeNull();
  });

  it("matches only the exact configured token", () => {
    expect(tokensMatch(TOKEN, TOKEN)).toBe(true);
    expect(tokensMatch(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokensMatch(TOKEN.slice(0, -1), TOKEN)).toBe(false);
    expect(tokensMatch("", "")).toBe(false);
  });

  it("refuses every request when the console has no token configured", () => {
    expect(isWorkerRequest(req(`Bearer ${TOKEN}`), undefined)).toBe(false);
    expect(isWorkerRequest(req(`Bearer ${TOKEN}`), TOKEN)).toBe(true);
    expect(isWorkerRequest(req("Bearer wrong-token-wrong-token-wrong-token"), TOKEN)).toBe(false);
  });

  it("acts in the named Space with the weakest role", () => {
    expect(workerSpaceContext("s1")).toEqual({ userId: "agent-worker", spaceId: "s1", role: "MEMBER" });
  });
});
