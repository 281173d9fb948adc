// PATCH: change a member's role (owners, signed in). DELETE: remove a member (owners, signed
// in), or leave the Space when the id is the caller's own (any member). Session only (an API
// key gets 403: lib/spaces/manage-members.ts holds every rule); Space from the URL.
import { parseBody, withSpaceRoute } from "@/lib/api/with-space-route";
import { changeMemberRole, removeMember } from "@/lib/spaces/manage-members";
import { changeMemberRoleBody } from "@/lib/spaces/schemas";

type Params = { spaceId: string; userId: string };

export const PATCH = withSpaceRoute<Params>(async ({ ctx, params, request }) => {
  const body = await parseBody(request, changeMemberRoleBody);
  if (!body.ok) return body.response;
  return Response.json(await changeMemberRole(ctx, { userId: params.userId, role: body.data.role }));
});

export const DELETE = withSpaceRoute<Params>(
  async ({ ctx, params }) => {
    await removeMember(ctx, { userId: params.userId });
    return new Response(null, { status: 204 });
  },
  { noBody: true },
);
