import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, idempotencyHashKey, idempotencyRequestHash as keyedHash, isValidIdempotencyKey } from "./idempotency-hash";

const path = "/api/v1/spaces/s1/agents";
const serverKey = idempotencyHashKey("n".repeat(40));
const idempotencyRequestHash = (method: string, p: string, body: string) => keyedHash(serverKey, method, p, body);

describe("idempotencyRequestHash", () => {
  it("is the same for the same JSON, whatever the key order and whitespace", () => {
    const a = idempotencyRequestHash("POST", path, '{"name":"A","greeting":"Hi","nested":{"x":1,"y":[1,2]}}');
    const b = idempotencyRequestHash("post", path, '{ "nested": {"y":[1,2], "x":1}, "greeting":"Hi",\n "name":"A" }');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
  });

  it("differs for another body, method or path", () => {
    const base = idempotencyRequestHash("POST", path, '{"name":"A"}');
    expect(idempotencyRequestHash("POST", path, '{"name":"B"}')).not.toBe(base);
    expect(idempotencyRequestHash("POST", path, '{"name":"A","voice":null}')).not.toBe(base);
    expect(idempotencyRequestHash("PATCH", path, '{"name":"A"}')).not.toBe(base);
    expect(idempotencyRequestHash("POST", "/api/v1/spaces/s2/agents", '{"name":"A"}')).not.toBe(base);
    // Array order is meaning, not presentation.
    expect(idempotencyRequestHash("POST", path, '{"ips":["1.1.1.1","2.2.2.2"]}')).not.toBe(idempotencyRequestHash("POST", path, '{"ips":["2.2.2.2","1.1.1.1"]}'));
  });

  it("tells an empty body, a JSON string and raw text apart", () => {
    const hashes = new Set(["", "   ", '""', "not json", '"not json"'].map((b) => idempotencyRequestHash("POST", path, b)));
    expect(hashes.size).toBe(4);
  });
});

describe("the stored fingerprint", () => {
  const body = '{"accountName":"PBX","outboundPassword":"guess-me-1"}';
  it("cannot be recomputed without the server key: a guessed password does not match it", () => {
    const stored = idempotencyRequestHash("POST", path, body);
    const bare = createHash("sha256").update(`POST\n${path}\njson:${canonicalJson(JSON.parse(body))}`).digest("hex");
    expect(stored).not.toBe(bare);
    expect(keyedHash(idempotencyHashKey("another server secret, 32+ chars"), "POST", path, body)).not.toBe(stored);
  });
  it("is stable for one server secret (a retry after a restart still matches)", () => {
    expect(keyedHash(idempotencyHashKey("n".repeat(40)), "POST", path, body)).toBe(idempotencyRequestHash("POST", path, body));
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every depth and keeps values", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: null, e: "x" }], c: true } })).toBe('{"a":{"c":true,"d":[3,{"e":"x","f":null}]},"b":1}');
  });
});

describe("isValidIdempotencyKey", () => {
  it("takes 1-255 visible ASCII characters", () => {
    expect(isValidIdempotencyKey("0b6b4a3e-5a9f-4c1e-9f0a-1d2c3b4a5f6e")).toBe(true);
    expect(isValidIdempotencyKey("x".repeat(255))).toBe(true);
    expect(isValidIdempotencyKey("")).toBe(false);
    expect(isValidIdempotencyKey("x".repeat(256))).toBe(false);
    expect(isValidIdempotencyKey("has space")).toBe(false);
    expect(isValidIdempotencyKey("ключ")).toBe(false);
  });
});
