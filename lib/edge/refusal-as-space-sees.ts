// What a Space is shown of a refused call. A refusal for a platform number (lib/platform-numbers)
// rides the deployment's carrier account, which lives in the platform Space: the tenant sees the
// carrier's label instead of that account and its address (and, in the REST view, no fix that
// lies in the carrier's settings, which are the administrator's). Shared by the REST view and the call.refused event.

import { PLATFORM_ACCOUNT_ID } from "@/lib/platform-numbers/platform-account";

export type RefusalOwner = { spaceId: string | null; sipAccountId: string | null; sourceAddress: string };

export type SpaceSeenRefusal = { platform: boolean; sipAccountId: string | null; sourceAddress: string };

/** `accountSpaceId`: the Space of the refusal's account (null when it has none). */
export function refusalAsSpaceSees(row: RefusalOwner, accountSpaceId: string | null, carrierLabel: string): SpaceSeenRefusal {
  const platform = row.spaceId !== null && accountSpaceId !== null && accountSpaceId !== row.spaceId;
  return platform ? { platform, sipAccountId: PLATFORM_ACCOUNT_ID, sourceAddress: carrierLabel } : { platform, sipAccountId: row.sipAccountId, sourceAddress: row.sourceAddress };
}
