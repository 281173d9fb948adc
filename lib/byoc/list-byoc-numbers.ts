import "server-only";
import { listPhoneNumbers } from "@/lib/phone-numbers/list-phone-numbers";
import type { ListPhoneNumbersQuery } from "@/lib/phone-numbers/schemas";
import type { SpaceContext } from "@/lib/spaces/context";
import { byocViews } from "./repository";
import type { ByocNumberPage } from "./view";

/** The Space's numbers as the BYOC API shows them, a page at a time like the numbers list. */
export async function listByocNumbers(ctx: SpaceContext, query: ListPhoneNumbersQuery): Promise<ByocNumberPage> {
  const page = await listPhoneNumbers(ctx, query);
  return { items: await byocViews(ctx, page.items.map((n) => n.number)), nextCursor: page.nextCursor, total: page.total };
}
