import { Badge } from "@/components/ui/badge";
import type { ProvisioningView } from "@/lib/sip-accounts/view";

export function NumberStatusBadge({ provisioning }: { provisioning: ProvisioningView }) {
  if (provisioning.status === "provisioned") return <Badge tone="green">Provisioned</Badge>;
  if (provisioning.status === "pending") return <Badge tone="amber">Provisioning…</Badge>;
  return <Badge tone="red">Not provisioned</Badge>;
}
