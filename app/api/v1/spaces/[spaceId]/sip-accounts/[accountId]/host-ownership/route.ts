// Host ownership of the account's PBX address (lib/sip-accounts/host-ownership). GET: whether
// it applies, each address the SIP server address resolves to with its state, and the record
// of proofs (any member). POST: a Space owner approves the address(es) by hand (409 while
// another Space holds one). API key or session; Space from the URL.
import { withSpaceRoute } from "@/lib/api/with-space-route";
import { approveOutboundHost } from "@/lib/sip-accounts/host-ownership/approve";
import { hostOwnershipView } from "@/lib/sip-accounts/host-ownership/view";

type Params = { spaceId: string; accountId: string };

export const GET = withSpaceRoute<Params>(async ({ ctx, params }) => Response.json(await hostOwnershipView(ctx, params.accountId)));

export const POST = withSpaceRoute<Params>(async ({ ctx, params }) => Response.json(await approveOutboundHost(ctx, params.accountId)), { noBody: true });
