import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { serverEnv } from "@/lib/env";
import { isLiveKitConfigured } from "@/lib/livekit/client";
import { callerIdRefusal } from "@/lib/phone-numbers/ownership-rules";
import { outboundHostRefusal } from "@/lib/sip-accounts/host-ownership/trust";
import type { SpaceContext } from "@/lib/spaces/context";
import { assertDestinationsAllowed, takeOutboundCaps } from "./policy/enforce";
import { queueCall, type CallOrigin } from "./queue-call";
import { callInclude, toCallView, type CallView } from "./repository";
import type { PlaceCallInput } from "./schemas";

// Place a call: check who may call from which number, and that the outbound policy allows it
// (the account's destinations, the Space's caps: lib/calls/policy), then queue it. The call row and the
// job that dials it are written in one transaction (lib/calls/queue-call.ts); the dispatcher
// process (dispatcher/) dials it. Nothing is dialled inside the web request.

export async function placeCall(ctx: SpaceContext, input: PlaceCallInput): Promise<CallView> {
  if (!roleAtLeast(ctx.role, "ADMIN")) throw new ForbiddenError("Only owners and admins can place calls.");
  const origin = await resolveCallOrigin(ctx, input.from, input.agentId ?? null);
  assertDestinationsAllowed(origin.policy, [{ field: "to", to: input.to }]);
  const later = input.scheduledAt !== undefined && input.scheduledAt.getTime() > Date.now();
  const caps = await takeOutboundCaps(ctx, 1, !later);
  let callId: string;
  try {
    callId = await db().$transaction((tx) =>
      queueCall(tx, ctx, origin, { to: input.to, scheduledAt: input.scheduledAt ?? null, retryPolicy: input.retry ?? null, variables: input.variables ?? null }, isLiveKitConfigured()),
    );
  } catch (err) {
    await caps.refund();
    throw err;
  }
  return toCallView(await db().call.findUniqueOrThrow({ where: { id: callId }, include: callInclude }));
}

/**
 * The number a call leaves from, its account, and the agent to run: the given one (of this
 * Space), else the number's outbound agent. Refuses numbers of no live account in this Space,
 * accounts without a SIP server address and, in production, accounts whose server is not a
 * public address or not proven theirs (host ownership), on the `from` / `agentId` fields.
 */
export async function resolveCallOrigin(ctx: SpaceContext, from: string, agentId: string | null): Promise<CallOrigin> {
  const number = await db().phoneNumber.findFirst({
    where: { spaceId: ctx.spaceId, liveE164: from },
    select: {
      id: true,
      outboundAgentId: true,
      verifiedAt: true,
      sipAccount: { select: { id: true, spaceId: true, sipServerAddress: true, outboundUsername: true, destinationCountry: true, allowedDestinationCountries: true, allowSpecialNumbers: true } },
    },
  });
  if (!number) throw new ValidationError("Choose a number bound in this Space.", { from: ["Choose a number bound in this Space."] });
  if (!number.sipAccount.sipServerAddress) {
    throw new ValidationError("This number's SIP account has no SIP server address, so it cannot place calls.", {
      from: ["This number's SIP account has no SIP server address, so it cannot place calls. Add one on the account first."],
    });
  }
  const hostRefusal = await outboundHostRefusal(number.sipAccount, serverEnv().DEPLOYMENT_MODE);
  if (hostRefusal) throw new ValidationError(hostRefusal, { from: [hostRefusal] });
  // Production: only a number proven this Space's is a caller ID (README: Number ownership).
  const unverified = callerIdRefusal(serverEnv().DEPLOYMENT_MODE, number.verifiedAt);
  if (unverified) throw new ValidationError(unverified, { from: [unverified] });
  if (agentId) {
    const agent = await db().agent.findFirst({ where: { id: agentId, spaceId: ctx.spaceId }, select: { id: true } });
    if (!agent) throw new ValidationError("Choose an agent of this Space.", { agentId: ["Choose an agent of this Space."] });
  }
  const { destinationCountry, allowedDestinationCountries, allowSpecialNumbers } = number.sipAccount;
  return {
    from,
    phoneNumberId: number.id,
    accountId: number.sipAccount.id,
    agentId: agentId ?? number.outboundAgentId,
    policy: { destinationCountry, allowedDestinationCountries, allowSpecialNumbers },
  };
}
