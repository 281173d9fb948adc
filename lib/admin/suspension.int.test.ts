import { randomBytes, randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { claimCall } from "@/dispatcher/claim-call";
import { markFirstUserAdmin } from "@/lib/admin/first-user";
import { findSpaceOverview, listSpacesOverview, setSpaceSuspended } from "@/lib/admin/spaces";
import { placeCall } from "@/lib/calls/place-call";
import { db } from "@/lib/db/client";
import { refusalCauseText } from "@/lib/edge/refusal-explanations";
import { routeInbound } from "@/lib/edge/route-inbound";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { SpaceContext } from "@/lib/spaces/context";
import { SPACE_SUSPENDED_NEW_CALL, SPACE_SUSPENDED_QUEUED_CALL } from "@/lib/spaces/suspension";

// Suspending a Space, against the real PostgreSQL: the edge refuses its numbers with a cause
// of their own, the dispatcher refuses its queued calls, a new call is a 403, and resuming
// undoes all three. Also who becomes the deployment's administrator on sign-up.

const spaces: string[] = [];
const ceilings = { callsPerMinute: 1_000_000, concurrentCalls: 1_000_000 };

async function spaceWithNumber() {
  const space = await db().space.create({ data: { name: `suspend-${randomBytes(4).toString("hex")}` } });
  spaces.push(space.id);
  const ctx: SpaceContext = { userId: "suspend-owner", spaceId: space.id, role: "OWNER" };
  const account = await db().sipAccount.create({
    data: { spaceId: space.id, name: "Suspend PBX", liveNameKey: `suspend-${space.id}`, sipServerAddress: "127.0.0.1:5999", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"], outboundTrunkId: "ST_fake" },
  });
  const number = `+1415${randomInt(2_000_000, 9_999_999)}`;
  await db().phoneNumber.create({ data: { spaceId: space.id, sipAccountId: account.id, e164: number, liveE164: number } });
  return { ctx, number };
}

const invite = (calledNumber: string) => ({ calledNumber, fromNumber: "+14155550100", sourceAddress: "127.0.0.1", transport: "udp", sipCallId: `call-${randomBytes(6).toString("hex")}`, hasCredentials: false });

afterAll(async () => {
  await db().call.deleteMany({ where: { spaceId: { in: spaces } } });
  await db().space.deleteMany({ where: { id: { in: spaces } } });
});

describe("a suspended Space", () => {
  it("has its numbers refused by the edge (403, cause space_suspended, in plain words) until resumed", async () => {
    const { ctx, number } = await spaceWithNumber();
    expect(await routeInbound(invite(number))).toEqual({ action: "forward", e164: number });

    await setSpaceSuspended(ctx.spaceId, true);
    const sent = invite(number);
    expect(await routeInbound(sent)).toEqual({ action: "refuse", sipCode: 403, reason: "Space Suspended" });
    const row = await db().refusedCall.findFirstOrThrow({ where: { sipCallId: sent.sipCallId } });
    expect(row).toMatchObject({ spaceId: ctx.spaceId, cause: "space_suspended", sipCode: 403, matchedNumber: number });
    expect(refusalCauseText(row)).toBe(`The call to ${number} was answered 403 Forbidden because this Space is suspended by the deployment's administrator.`);

    await setSpaceSuspended(ctx.spaceId, false);
    expect(await routeInbound(invite(number))).toEqual({ action: "forward", e164: number });
  });

  it("has its queued calls refused by the dispatcher and new calls answered 403; resumed, it calls again", async () => {
    const { ctx, number } = await spaceWithNumber();
    const queued = await placeCall(ctx, { from: number, to: "+14155550123", agentId: null });
    await setSpaceSuspended(ctx.spaceId, true);

    expect(await claimCall(queued.id, 60, ceilings)).toEqual({ kind: "refuse", reason: SPACE_SUSPENDED_QUEUED_CALL });
    const refused = await placeCall(ctx, { from: number, to: "+14155550124", agentId: null }).then(() => null, (err: unknown) => err);
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect((refused as ForbiddenError).message).toBe(SPACE_SUSPENDED_NEW_CALL);
    expect(await db().call.count({ where: { spaceId: ctx.spaceId } })).toBe(1);

    await setSpaceSuspended(ctx.spaceId, false);
    const again = await placeCall(ctx, { from: number, to: "+14155550125", agentId: null });
    expect((await claimCall(again.id, 60, ceilings)).kind).toBe("claimed");
  });

  it("shows as suspended in the Admin overview with its counts", async () => {
    const { ctx } = await spaceWithNumber();
    await setSpaceSuspended(ctx.spaceId, true);
    const row = (await listSpacesOverview()).find((s) => s.id === ctx.spaceId);
    expect(row).toMatchObject({ sipAccounts: 1, phoneNumbers: 1, members: 0, callsThisMonth: 0, billableSecondsThisMonth: 0 });
    expect(row?.suspendedAt).not.toBeNull();
    // One Space's page reads the same figures.
    expect(await findSpaceOverview(ctx.spaceId)).toEqual(row);
    await expect(findSpaceOverview("no-such-space")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the first user of a fresh deployment", () => {
  // Inside a transaction rolled back at the end: the deployment looks fresh to it alone.
  class Rollback extends Error {}
  const signUpOn = (fresh: boolean) =>
    db()
      .$transaction(async (tx) => {
        if (fresh) await tx.user.deleteMany({});
        const user = await tx.user.create({ data: { email: `first-${randomBytes(4).toString("hex")}@int.switchboard.test`, name: "First", passwordHash: "x" } });
        // The rule under test is the one for a deployment that names no administrator (the
        // suite itself names one for its e2e tier).
        await markFirstUserAdmin(tx, user.id, []);
        const { deploymentAdmin } = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { deploymentAdmin: true } });
        throw Object.assign(new Rollback(), { deploymentAdmin });
      })
      .catch((err: unknown) => (err as { deploymentAdmin: boolean }).deploymentAdmin);

  it("becomes its administrator when SWITCHBOARD_ADMIN_EMAILS names nobody; a later user does not", async () => {
    await db().user.create({ data: { email: `someone-${randomBytes(4).toString("hex")}@int.switchboard.test`, name: "Someone", passwordHash: "x" } });
    expect(await signUpOn(true)).toBe(true);
    expect(await signUpOn(false)).toBe(false);
  });
});
