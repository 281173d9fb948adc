import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { LOCAL_STACK_LIVEKIT_SECRET } from "./deployment-mode";
import { parseServerEnv } from "./env";

// The server environment as an operator writes it in .env: what start-up accepts, and the
// message naming the variable when it refuses.

const base = {
  DATABASE_URL: "postgresql://127.0.0.1:5432/switchboard",
  NEXTAUTH_SECRET: "n".repeat(40),
  SIP_PUBLIC_DOMAIN: "sip.example.com:5060",
  SIP_PUBLIC_IPS: "203.0.113.10:5060, 203.0.113.11:5060",
  CREDENTIALS_KEYS: `k1:${randomBytes(32).toString("base64")}`,
};
const liveKit = { LIVEKIT_URL: "http://127.0.0.1:7880", LIVEKIT_API_KEY: "key", LIVEKIT_API_SECRET: "s".repeat(40) };

describe("parseServerEnv: LiveKit settings", () => {
  it("takes all three LiveKit settings", () => {
    expect(parseServerEnv({ ...base, ...liveKit })).toMatchObject(liveKit);
  });

  it("runs without LiveKit when none of the three is set (blank counts as unset)", () => {
    const env = parseServerEnv({ ...base, LIVEKIT_URL: "  " });
    expect([env.LIVEKIT_URL, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET]).toEqual([undefined, undefined, undefined]);
    expect(env.SIP_PUBLIC_IPS).toEqual(["203.0.113.10:5060", "203.0.113.11:5060"]);
  });

  it("refuses a partial set, naming each missing variable", () => {
    const attempt = () => parseServerEnv({ ...base, LIVEKIT_URL: liveKit.LIVEKIT_URL });
    expect(attempt).toThrow(/LIVEKIT_API_KEY: LIVEKIT_API_KEY is required when any of LIVEKIT_URL/);
    expect(attempt).toThrow(/LIVEKIT_API_SECRET: LIVEKIT_API_SECRET is required/);
  });

  it("still checks each value that is set", () => {
    expect(() => parseServerEnv({ ...base, ...liveKit, LIVEKIT_URL: "127.0.0.1:7880" })).toThrow(/LIVEKIT_URL: LIVEKIT_URL must be a URL/);
    expect(() => parseServerEnv({ ...base, ...liveKit, LIVEKIT_API_SECRET: "short" })).toThrow(/at least 32 characters/);
  });

  it("names a missing required variable", () => {
    expect(() => parseServerEnv({ ...base, DATABASE_URL: undefined })).toThrow(/DATABASE_URL/);
  });
});

describe("parseServerEnv: deployment mode", () => {
  it("fails closed: unset means production when NODE_ENV is production, local otherwise", () => {
    expect(parseServerEnv({ ...base, NODE_ENV: "production" }).DEPLOYMENT_MODE).toBe("production");
    expect(parseServerEnv({ ...base, NODE_ENV: "development" }).DEPLOYMENT_MODE).toBe("local");
    expect(parseServerEnv({ ...base, NODE_ENV: "production", DEPLOYMENT_MODE: "local" }).DEPLOYMENT_MODE).toBe("local");
  });

  it("refuses the local stack's published LiveKit secret in production, and only there", () => {
    const localStack = { ...liveKit, LIVEKIT_API_SECRET: LOCAL_STACK_LIVEKIT_SECRET };
    expect(() => parseServerEnv({ ...base, ...localStack, NODE_ENV: "production" })).toThrow(/LIVEKIT_API_SECRET: .*published secret/);
    expect(() => parseServerEnv({ ...base, ...localStack, DEPLOYMENT_MODE: "production" })).toThrow(/published secret/);
    expect(parseServerEnv({ ...base, ...localStack, NODE_ENV: "production", DEPLOYMENT_MODE: "local" }).LIVEKIT_API_SECRET).toBe(LOCAL_STACK_LIVEKIT_SECRET);
  });
});
