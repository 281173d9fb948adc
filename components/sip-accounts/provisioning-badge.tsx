import { Badge } from "@/components/ui/badge";
import type { ProvisioningView } from "@/lib/sip-accounts/view";

/** Where an account stands in LiveKit, as the card, the list and the account page show it. */
export function ProvisioningBadge({ provisioning }: { provisioning: ProvisioningView }) {
  if (provisioning.status === "provisioned") return <Badge tone="green">Provisioned</Badge>;
  if (provisioning.status === "pending") return <Badge tone="amber">Provisioning…</Badge>;
  return <Badge tone="red">Not provisioned</Badge>;
}
