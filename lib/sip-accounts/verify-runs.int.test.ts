import { describe, expect, it } from "vitest";
import { livekitSip, trunksOf } from "@/e2e/livekit";
import { liveKitSipPort } from "@/scripts/stack/sipp";
import { ownerSpace } from "@/dispatcher/test/call-fixtures";
import { db } from "@/lib/db/client";
import { report } from "@/lib/provisioning/verify-checks";
import { createSipAccount } from "@/lib/sip-accounts/create-sip-account";
import { reprovisionSipAccount } from "@/lib/sip-accounts/reprovision-sip-account";
import { sipAccountSchemas } from "@/lib/sip-accounts/server-schemas";
import { VERIFY_RUNS_KEPT } from "@/lib/sip-accounts/verify-run-view";
import { listVerifyRuns, recordVerifyRun } from "@/lib/sip-accounts/verify-runs";
import { verifySipAccount } from "@/lib/sip-accounts/verify-sip-account";

// The account page's Verify history against the real LiveKit: a Verify that finds the inbound
// trunk deleted, then one after Reprovision put it back, both kept and listed newest first
// with what ran them and which check failed.

// The PBX is livekit-sip itself: it answers the SIP edge's OPTIONS probe, so "PBX reachable" passes.
const accountInput = (name: string) =>
  sipAccountSchemas().createSipAccountInput.parse({
    accountName: name, sipServerAddress: `127.0.0.1:${liveKitSipPort()}`, sipTransport: "udp", destinationCountry: "US", allowedInboundIps: "127.0.0.1",
    outboundUsername: "", outboundPassword: "", inboundUsername: "", inboundPassword: "",
  });

describe("Verify history", () => {
  it("keeps a failing and a passing Verify, newest first, with what ran them and the check that failed", async () => {
    const ctx = await ownerSpace("History");
    const { account } = await createSipAccount(ctx, accountInput("History PBX"));
    expect(await listVerifyRuns(ctx, account.id)).toEqual([]);

    await livekitSip().deleteSipTrunk((await trunksOf(account.id)).inbound[0]!.sipTrunkId);
    const failing = await verifySipAccount(ctx, account.id, "console");
    expect(failing.ok).toBe(false);

    await reprovisionSipAccount(ctx, account.id);
    const passing = await verifySipAccount(ctx, account.id, "api");
    expect(passing.checks.filter((c) => c.status === "failed")).toEqual([]);
    expect(passing.ok).toBe(true);

    const runs = await listVerifyRuns(ctx, account.id);
    const email = (await db().user.findUniqueOrThrow({ where: { id: ctx.userId } })).email;
    expect(runs.map((r) => ({ trigger: r.trigger, triggeredBy: r.triggeredBy, ok: r.ok, ranAt: r.ranAt, failed: r.failedChecks.map((c) => c.name) }))).toEqual([
      { trigger: "api", triggeredBy: email, ok: true, ranAt: passing.verifiedAt, failed: [] },
      { trigger: "console", triggeredBy: email, ok: false, ranAt: failing.verifiedAt, failed: ["Inbound trunk"] },
    ]);
    expect(runs[1]!.checks).toEqual(failing.checks);

    // Another Space sees none of it: the same 404 as a missing account.
    const stranger = await ownerSpace("Stranger");
    await expect(listVerifyRuns(stranger, account.id)).rejects.toThrow("not found");
  });

  it(`keeps only the newest ${VERIFY_RUNS_KEPT} runs of an account`, async () => {
    const ctx = await ownerSpace("Purge");
    const { account } = await createSipAccount(ctx, accountInput("Busy PBX"));
    const other = await createSipAccount(ctx, accountInput("Quiet PBX"));
    const base = Date.now() - 3_600_000;
    await recordVerifyRun(db(), { id: other.account.id, spaceId: ctx.spaceId }, report([], { at: new Date(base) }), { trigger: "periodic", actor: null });
    for (let i = 0; i < VERIFY_RUNS_KEPT + 5; i++) {
      await recordVerifyRun(db(), { id: account.id, spaceId: ctx.spaceId }, report([], { at: new Date(base + i * 1000) }), { trigger: "periodic", actor: null });
    }
    const kept = await db().sipAccountVerifyRun.findMany({ where: { accountId: account.id }, orderBy: { ranAt: "asc" } });
    expect(kept).toHaveLength(VERIFY_RUNS_KEPT);
    expect(kept[0]!.ranAt.getTime()).toBe(base + 5 * 1000);
    // Another account's runs are not its to purge.
    expect(await db().sipAccountVerifyRun.count({ where: { accountId: other.account.id } })).toBe(1);
    expect(await listVerifyRuns(ctx, account.id, VERIFY_RUNS_KEPT)).toHaveLength(VERIFY_RUNS_KEPT);
  });
});
