import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CredentialDecryptError,
  decryptSecret,
  encryptSecret,
  generateKey,
  needsReencryption,
  parseKeyring,
  reencryptSecret,
} from "./credentials";

const k2024 = generateKey();
const k2025 = generateKey();
const ctx = { accountId: "acc_1", field: "outbound" };

function decryptError(fn: () => unknown): CredentialDecryptError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CredentialDecryptError);
    return e as CredentialDecryptError;
  }
  throw new Error("expected decryption to fail");
}

describe("parseKeyring", () => {
  it("reads ids and keys; the last one is the newest", () => {
    const ring = parseKeyring(` k2024:${k2024} , k2025:${k2025} `);
    expect(ring.keyIds).toEqual(["k2024", "k2025"]);
    expect(ring.newestKeyId).toBe("k2025");
  });

  it.each([
    [undefined, /CREDENTIALS_KEYS is not set/],
    ["", /not set/],
    ["   ", /not set/],
    [`k1:${k2024},`, /entry 2 is empty/],
    [`k1${k2024}`, /must look like <id>:<base64 key>/],
    [`k.1:${k2024}`, /invalid id/],
    [`:${k2024}`, /invalid id/],
    [`${"k".repeat(33)}:${k2024}`, /invalid id/],
    [`k1:${k2024},k1:${k2025}`, /entry 2: key id "k1" is listed twice/],
    ["k1:not base64!", /not valid base64/],
    ["k1:", /not valid base64/],
    [`k1:${Buffer.alloc(16, 7).toString("base64")}`, /16 bytes; AES-256 needs exactly 32/],
    [`k1:${Buffer.alloc(33, 7).toString("base64")}`, /33 bytes/],
    [`k1:${Buffer.alloc(32, 7).toString("base64url").replace(/=+$/, "")}`, /not valid base64/],
    [`k1:${Buffer.alloc(32).toString("base64")}`, /all zeros/],
  ])("refuses %j clearly", (raw, message) => {
    expect(() => parseKeyring(raw)).toThrow(message);
  });

  it("never puts key material in an error message", () => {
    const short = Buffer.alloc(31, 9).toString("base64");
    try {
      parseKeyring(`k1:${k2024},k2:${short}`);
    } catch (e) {
      expect(String(e)).not.toContain(short);
      expect(String(e)).not.toContain(k2024);
    }
  });

  it("does not show key bytes when logged or serialised", () => {
    const ring = parseKeyring(`k2024:${k2024}`);
    const raw = Buffer.from(k2024, "base64");
    for (const text of [inspect(ring, { depth: 5, showHidden: true }), JSON.stringify(ring)]) {
      expect(text).not.toContain(k2024);
      expect(text).not.toContain(raw.toString("hex"));
    }
  });

  it("generateKey gives 32 random bytes in base64 that parseKeyring accepts", () => {
    const key = generateKey();
    expect(Buffer.from(key, "base64")).toHaveLength(32);
    expect(generateKey()).not.toBe(key);
    expect(parseKeyring(`k:${key}`).keyIds).toEqual(["k"]);
  });
});

describe("encryptSecret / decryptSecret", () => {
  const ring = parseKeyring(`k2024:${k2024},k2025:${k2025}`);

  it("round-trips and uses the documented format under the newest key", () => {
    const stored = encryptSecret(ring, "s3cret!", ctx);
    expect(stored).toMatch(/^v1\.k2025\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(stored).not.toContain("s3cret");
    expect(decryptSecret(ring, stored, ctx)).toBe("s3cret!");
  });

  it("uses a fresh nonce each time", () => {
    expect(encryptSecret(ring, "same", ctx)).not.toBe(encryptSecret(ring, "same", ctx));
  });

  it("round-trips the empty string", () => {
    expect(decryptSecret(ring, encryptSecret(ring, "", ctx), ctx)).toBe("");
  });

  it("round-trips arbitrary strings, unicode included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 64 }), fc.string({ minLength: 1, maxLength: 20 }), (secret, accountId) => {
        const c = { accountId, field: "inbound" };
        expect(decryptSecret(ring, encryptSecret(ring, secret, c), c)).toBe(secret);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a string that UTF-8 cannot represent rather than corrupting it", () => {
    expect(() => encryptSecret(ring, "a\ud800b", ctx)).toThrow(/unpaired surrogate/);
  });

  it("requires the row and the field", () => {
    expect(() => encryptSecret(ring, "x", { accountId: "", field: "outbound" })).toThrow(/required/);
    expect(() => encryptSecret(ring, "x", { accountId: "a", field: "" })).toThrow(/required/);
  });

  it("fails to decrypt a value copied to another account", () => {
    const stored = encryptSecret(ring, "pw", { accountId: "acc_1", field: "outbound" });
    const e = decryptError(() => decryptSecret(ring, stored, { accountId: "acc_2", field: "outbound" }));
    expect(e.reason).toBe("authentication-failed");
    expect(e.message).toMatch(/copied from another account or field/);
  });

  it("fails to decrypt a value copied to the other field of the same account", () => {
    const stored = encryptSecret(ring, "pw", { accountId: "acc_1", field: "inbound" });
    expect(decryptError(() => decryptSecret(ring, stored, { accountId: "acc_1", field: "outbound" })).reason).toBe("authentication-failed");
  });

  it("binds the context unambiguously (no field/id concatenation collisions)", () => {
    const stored = encryptSecret(ring, "pw", { accountId: "a.b", field: "c" });
    expect(decryptError(() => decryptSecret(ring, stored, { accountId: "a", field: "b.c" })).reason).toBe("authentication-failed");
  });

  it("detects tampering with every part", () => {
    const stored = encryptSecret(ring, "a longer secret value", ctx);
    const parts = stored.split(".");
    const flip = (s: string) => {
      const bytes = Buffer.from(s, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString("base64url");
    };
    for (const index of [2, 3, 4]) {
      const tampered = [...parts];
      tampered[index] = flip(tampered[index]!);
      expect(decryptError(() => decryptSecret(ring, tampered.join("."), ctx)).reason).toBe("authentication-failed");
    }
    // Swapping the key id to another known key fails authentication (the id is in the AAD too).
    const otherKey = ["v1", "k2024", ...parts.slice(2)].join(".");
    expect(decryptError(() => decryptSecret(ring, otherKey, ctx)).reason).toBe("authentication-failed");
    // A truncated ciphertext changes the length the tag covers.
    const truncated = [...parts];
    truncated[3] = truncated[3]!.slice(0, -2);
    expect(decryptError(() => decryptSecret(ring, truncated.join("."), ctx)).reason).toMatch(/authentication-failed|malformed/);
  });

  it.each([
    ["", /5 dot-separated parts/],
    ["plaintext-password", /5 dot-separated parts/],
    ["v2.k2025.AAAAAAAAAAAAAAAA.AA.AAAAAAAAAAAAAAAAAAAAAA", /unknown format version/],
    ["v1.k!.AAAAAAAAAAAAAAAA.AA.AAAAAAAAAAAAAAAAAAAAAA", /invalid key id/],
    ["v1.k2025.AAAA.AA.AAAAAAAAAAAAAAAAAAAAAA", /wrong nonce length/],
    ["v1.k2025.AAAAAAAAAAAAAAAA.AA.AAAA", /wrong tag length/],
    ["v1.k2025.AAAAAAAAAAAAAAAA.A+.AAAAAAAAAAAAAAAAAAAAAA", /not base64url/],
    ["v1.k2025.AAAAAAAAAAAAAAAA.AB.AAAAAAAAAAAAAAAAAAAAAA", /not canonical/],
    ["v1.k2025.AAAAAAAAAAAAAAAA.AA.AAAAAAAAAAAAAAAAAAAAAA.x", /5 dot-separated parts/],
  ])("refuses malformed %j", (stored, message) => {
    const e = decryptError(() => decryptSecret(ring, stored, ctx));
    expect(e.reason).toBe("malformed");
    expect(e.message).toMatch(message);
  });

  it("names an unknown key id clearly", () => {
    const other = parseKeyring(`old:${generateKey()}`);
    const stored = encryptSecret(other, "pw", ctx);
    const e = decryptError(() => decryptSecret(ring, stored, ctx));
    expect(e.reason).toBe("unknown-key");
    expect(e.message).toMatch(/key "old", which is not in CREDENTIALS_KEYS \(known: k2024, k2025\)/);
  });

  it("never puts the plaintext in an error", () => {
    const stored = encryptSecret(ring, "hunter2", ctx);
    const e = decryptError(() => decryptSecret(ring, stored, { ...ctx, accountId: "acc_9" }));
    expect(e.message).not.toContain("hunter2");
  });
});

describe("rotation", () => {
  it("decrypts old values after a new key is added, flags them, and re-encrypts under the newest", () => {
    const before = parseKeyring(`k2024:${k2024}`);
    const stored = encryptSecret(before, "pw-2024", ctx);
    expect(needsReencryption(before, stored)).toBe(false);

    const after = parseKeyring(`k2024:${k2024},k2025:${k2025}`);
    expect(decryptSecret(after, stored, ctx)).toBe("pw-2024");
    expect(needsReencryption(after, stored)).toBe(true);

    const rotated = reencryptSecret(after, stored, ctx);
    expect(rotated.split(".")[1]).toBe("k2025");
    expect(needsReencryption(after, rotated)).toBe(false);
    expect(decryptSecret(after, rotated, ctx)).toBe("pw-2024");

    // Once every row is rotated the old key can go.
    const onlyNew = parseKeyring(`k2025:${k2025}`);
    expect(decryptSecret(onlyNew, rotated, ctx)).toBe("pw-2024");
    expect(decryptError(() => decryptSecret(onlyNew, stored, ctx)).reason).toBe("unknown-key");
  });

  it("needsReencryption throws on a malformed value", () => {
    expect(() => needsReencryption(parseKeyring(`k:${k2024}`), "garbage")).toThrow(CredentialDecryptError);
  });
});
