import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { canonicalJson } from "./idempotency-hash";
import { withIdempotency } from "./idempotency";

// Idempotency-Key against the real database: what is stored cannot be used to test guessed
// secrets, and a claim whose request never finished is never run a second time.

let spaceId = "";
const scope = () => ({ spaceId, credential: "user:idempotency-int" });
const path = () => `/api/v1/spaces/${spaceId}/sip-accounts`;
const body = JSON.stringify({ accountName: "PBX", outboundPassword: "guess-me-123" });
const request = (key: string) => new Request(`http://127.0.0.1${path()}`, { method: "POST", headers: { "idempotency-key": key, "content-type": "application/json" }, body });

beforeAll(async () => {
  spaceId = (await db().space.create({ data: { name: `idempotency-${randomBytes(4).toString("hex")}` } })).id;
});

afterAll(async () => {
  await db().space.deleteMany({ where: { id: spaceId } });
});

describe("withIdempotency", () => {
  it("stores a keyed fingerprint: the bare SHA-256 of the request (a guessed password) does not match it; a retry replays", async () => {
    const key = `k-${randomBytes(6).toString("hex")}`;
    const work = vi.fn(async () => Response.json({ id: "acc_1" }, { status: 201 }));
    expect((await withIdempotency(request(key), body, scope(), work)).status).toBe(201);
    const stored = await db().idempotencyRecord.findUniqueOrThrow({ where: { spaceId_credential_key: { ...scope(), key } } });
    const guess = createHash("sha256").update(`POST\n${path()}\njson:${canonicalJson(JSON.parse(body))}`).digest("hex");
    expect(stored.requestHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.requestHash).not.toBe(guess);
    const replay = await withIdempotency(request(key), body, scope(), work);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(work).toHaveBeenCalledTimes(1);
  });

  it("never runs the work of a claim that never finished, however old: 409 saying the outcome is unknown", async () => {
    const key = `k-${randomBytes(6).toString("hex")}`;
    const first = vi.fn(async () => Response.json({ id: "acc_2" }, { status: 201 }));
    // The first request claims the key and its process dies before answering: the claim stays, without a response.
    let release!: () => void;
    const running = withIdempotency(request(key), body, scope(), () => new Promise<Response>((resolve) => (release = () => resolve(new Response(null, { status: 500 })))));
    await vi.waitFor(async () => expect(await db().idempotencyRecord.count({ where: { ...scope(), key } })).toBe(1), { timeout: 15_000, interval: 50 });

    const whileRunning = await withIdempotency(request(key), body, scope(), first);
    expect(whileRunning.status).toBe(409);
    expect(((await whileRunning.json()) as { title: string }).title).toBe("Request in progress");

    // Ten minutes on, the claim is stale; it is still never taken over.
    await db().idempotencyRecord.updateMany({ where: { ...scope(), key }, data: { createdAt: new Date(Date.now() - 10 * 60_000) } });
    const stale = await withIdempotency(request(key), body, scope(), first);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ title: "Outcome unknown", detail: expect.stringContaining("it is never run again") });
    expect(first).not.toHaveBeenCalled();
    release();
    await running;
  });
});
