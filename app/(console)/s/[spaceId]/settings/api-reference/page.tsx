import { ApiReference, type ApiDocument } from "@/components/settings/api-reference";
import { buildOpenApiDocument } from "@/lib/api/openapi/document";
import { requireSpace } from "@/lib/auth/session";

export default async function ApiReferencePage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  await requireSpace(spaceId);
  return <ApiReference doc={buildOpenApiDocument() as unknown as ApiDocument} />;
}
