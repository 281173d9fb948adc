import "server-only";
import { db } from "@/lib/db/client";
import { platformCarrierLabel } from "@/lib/platform-numbers/platform-space";
import type { SpaceContext } from "@/lib/spaces/context";
import { queryPhoneNumbers } from "./query-phone-numbers";
import type { ListPhoneNumbersQuery } from "./schemas";
import type { PhoneNumberPage } from "./view";

export async function listPhoneNumbers(ctx: SpaceContext, query: ListPhoneNumbersQuery): Promise<PhoneNumberPage> {
  return queryPhoneNumbers(db(), ctx.spaceId, query, platformCarrierLabel());
}
