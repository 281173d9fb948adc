// One round-trip self-test: its verdict (judged live until final) and each leg. Any member.
import { withSpaceRoute } from "@/lib/api/with-space-route";
import { getSelfTest } from "@/lib/sip-accounts/self-test/view";

export const GET = withSpaceRoute<{ spaceId: string; accountId: string; testId: string }>(async ({ ctx, params }) =>
  Response.json(await getSelfTest(ctx, params.accountId, params.testId)),
);
