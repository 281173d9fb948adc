// GET: the Space's members (user id, name, email, role). Any member or API key of the Space;
// Space from the URL. Invitations still pending are not members and are not listed.
import { withSpaceRoute } from "@/lib/api/with-space-route";
import { listMembers } from "@/lib/spaces/service";

export const GET = withSpaceRoute(async ({ ctx }) => Response.json({ items: await listMembers(ctx) }));
