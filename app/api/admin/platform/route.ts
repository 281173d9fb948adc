// GET the platform Space's id and the carrier's label. The carrier accounts and the pool's
// numbers are that Space's Custom SIP accounts and bound numbers, managed through the same
// /api/v1/spaces/{spaceId}/sip-accounts and /phone-numbers routes (the administrator is its
// owner). The deployment's administrator only.
import { withAdminRoute } from "@/lib/api/with-admin-route";
import { platformCarrierLabel, platformSpaceId } from "@/lib/platform-numbers/platform-space";

export const dynamic = "force-dynamic";

export const GET = withAdminRoute(async () => Response.json({ spaceId: await platformSpaceId(), provider: platformCarrierLabel() }));
