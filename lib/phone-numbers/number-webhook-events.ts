import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

// phone_number.bound / phone_number.unbound, in the transaction of the binding or its release
// (an unbind LiveKit refused rolls back, event included). Ordered per number.

type NumberFacts = { id: string; spaceId: string; e164: string; sipAccountId: string; inboundAgentId?: string | null; outboundAgentId?: string | null; label?: string | null; takenOver?: boolean };

export async function emitNumberBinding(tx: Prisma.TransactionClient, type: "phone_number.bound" | "phone_number.unbound", n: NumberFacts): Promise<void> {
  await emitWebhookEvent(tx, {
    spaceId: n.spaceId,
    type,
    orderingKey: `phone_number:${n.e164}`,
    data: {
      phoneNumberId: n.id,
      number: n.e164,
      sipAccountId: n.sipAccountId,
      ...(type === "phone_number.bound" ? { inboundAgentId: n.inboundAgentId ?? null, outboundAgentId: n.outboundAgentId ?? null, label: n.label ?? null } : {}),
      // Released because another Space proved the number (lib/phone-numbers/ownership.ts).
      ...(n.takenOver ? { takenOver: true } : {}),
    },
  });
}
