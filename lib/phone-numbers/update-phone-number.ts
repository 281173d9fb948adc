import "server-only";
import { db, isForeignKeyViolation } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { provisionAccount } from "@/lib/provisioning/provision-account";
import type { SpaceContext } from "@/lib/spaces/context";
import { assertAgentsOfSpace, assertCanManageNumbers, findLiveNumber, getPhoneNumber } from "./repository";
import type { UpdatePhoneNumberInput } from "./schemas";
import type { PhoneNumberWriteResult } from "./view";

/**
 * Edits the label and the agents. A new inbound agent changes the number's dispatch rule in
 * place (same rule id, new job metadata); the label and the outbound agent live in the
 * database only. A number left Not provisioned is converged again on any save.
 */
export async function updatePhoneNumber(ctx: SpaceContext, numberId: string, input: UpdatePhoneNumberInput): Promise<PhoneNumberWriteResult> {
  assertCanManageNumbers(ctx);
  const row = await findLiveNumber(ctx, numberId);
  await assertAgentsOfSpace(ctx, input);
  try {
    // The live condition makes a concurrent unbind win cleanly (404), never half-applied.
    const { count } = await db().phoneNumber.updateMany({
      where: { id: row.id, spaceId: ctx.spaceId, liveE164: { not: null } },
      data: { label: input.label, inboundAgentId: input.inboundAgentId, outboundAgentId: input.outboundAgentId },
    });
    if (count === 0) throw new NotFoundError("Phone number not found");
  } catch (err) {
    if (isForeignKeyViolation(err)) throw new ValidationError("An agent was deleted meanwhile.", { inboundAgentId: ["Choose an agent of this Space."] });
    throw err;
  }
  const needsLiveKit = row.inboundAgentId !== input.inboundAgentId || row.provisioningStatus !== "provisioned";
  if (needsLiveKit) await provisionAccount(row.sipAccountId);
  const number = await getPhoneNumber(ctx, numberId);
  return { number, provisioningFailed: number.provisioning.status !== "provisioned" };
}
