import { describe, expect, it } from "vitest";
import { API_KEY_PREFIX, apiKeyMatches, bearerSecret, generateApiKeySecret, hashApiKeySecret, isApiKeyShaped } from "./key-secret";

describe("API key secrets", () => {
  it("are sb_live_ and 32 random bytes, with a short display prefix and the SHA-256 stored", () => {
    const a = generateApiKeySecret();
    const b = generateApiKeySecret();
    expect(a.secret).toMatch(/^sb_live_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.secret.slice(API_KEY_PREFIX.length), "base64url")).toHaveLength(32);
    expect(a.secret).not.toBe(b.secret);
    expect(a.prefix).toBe(a.secret.slice(0, 16));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).toBe(hashApiKeySecret(a.secret));
    expect(a.hash).not.toContain(a.secret.slice(API_KEY_PREFIX.length, 24));
  });

  it("hash to the known SHA-256 digest", () => {
    expect(hashApiKeySecret("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("verify only against their own hash", () => {
    const a = generateApiKeySecret();
    const b = generateApiKeySecret();
    expect(apiKeyMatches(a.secret, a.hash)).toBe(true);
    expect(apiKeyMatches(b.secret, a.hash)).toBe(false);
    expect(apiKeyMatches(a.secret.slice(0, -1) + (a.secret.endsWith("A") ? "B" : "A"), a.hash)).toBe(false);
    expect(apiKeyMatches(a.secret, "")).toBe(false);
    expect(apiKeyMatches(a.secret, "not-hex")).toBe(false);
  });

  it("recognise their own shape only", () => {
    expect(isApiKeyShaped(generateApiKeySecret().secret)).toBe(true);
    expect(isApiKeyShaped("sb_live_short")).toBe(false);
    expect(isApiKeyShaped("sb_test_" + "a".repeat(43))).toBe(false);
    expect(isApiKeyShaped(" sb_live_" + "a".repeat(43))).toBe(false);
  });

  it("are read from a Bearer header and nothing else", () => {
    expect(bearerSecret("Bearer sb_live_x")).toBe("sb_live_x");
    expect(bearerSecret("bearer sb_live_x")).toBe("sb_live_x");
    expect(bearerSecret("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerSecret("Bearer ")).toBeNull();
    expect(bearerSecret("Bearer a b")).toBeNull();
    expect(bearerSecret(null)).toBeNull();
  });
});
