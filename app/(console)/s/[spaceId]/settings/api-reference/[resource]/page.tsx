import { notFound } from "next/navigation";
import { ApiReferenceResource, type ApiDocument } from "@/components/settings/api-reference";
import { buildOpenApiDocument } from "@/lib/api/openapi/document";
import { referenceResources } from "@/lib/api/openapi/reference-contents";
import { requireSpace } from "@/lib/auth/session";

export default async function ApiResourcePage({ params }: { params: Promise<{ spaceId: string; resource: string }> }) {
  const { spaceId, resource: slug } = await params;
  await requireSpace(spaceId);
  const doc = buildOpenApiDocument() as unknown as ApiDocument;
  const resource = referenceResources(doc).find((r) => r.slug === slug);
  if (!resource) notFound();
  return <ApiReferenceResource doc={doc} resource={resource} spaceId={spaceId} />;
}
