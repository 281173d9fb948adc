import { describe, expect, it } from "vitest";
import { callEventData } from "@/lib/calls/call-webhook-events";
import type { Call } from "@/lib/db/generated/prisma/client";
import { callEventData as callEventSchema, eventBodySchema } from "./event-payloads";
import { webhookEventTypes } from "./events";

describe("webhook payloads", () => {
  it("a call event carries exactly the documented fields", () => {
    const now = new Date();
    const call = {
      id: "c1", spaceId: "s1", direction: "outbound", fromNumber: "+14155550100", toNumber: "+14155550101", phoneNumberId: "n1", sipAccountId: "a1", agentId: null,
      status: "busy", sipStatusCode: 486, failureReason: "The destination was busy.", roomName: "r", participantIdentity: "p", createdAt: now, startedAt: now, answeredAt: null,
      endedAt: now, durationSeconds: null, durationMs: null, scheduledAt: null, attempts: 1, retryPolicy: null, variables: { secret: "not sent" }, waitReason: null, leaseUntil: null,
      endReason: null, batchId: null, batchRow: null, selfTest: false, updatedAt: now,
    } satisfies Call;
    const data = callEventData(call);
    expect(callEventSchema.strict().parse(data)).toEqual(data);
    expect(JSON.stringify(data)).not.toContain("not sent");
  });

  it("every event type has a documented body", () => {
    for (const type of webhookEventTypes) expect(eventBodySchema(type).shape.type.value).toBe(type);
  });
});
