import { ApiReferenceIndex, type ApiDocument } from "@/components/settings/api-reference";
import { buildOpenApiDocument } from "@/lib/api/openapi/document";
import { requireSpace } from "@/lib/auth/session";
import { serverEnv } from "@/lib/env";

export default async function ApiReferencePage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  await requireSpace(spaceId);
  const origin = serverEnv().NEXTAUTH_URL?.replace(/\/$/, "") ?? "http://127.0.0.1:3000";
  return <ApiReferenceIndex doc={buildOpenApiDocument() as unknown as ApiDocument} spaceId={spaceId} origin={origin} />;
}
