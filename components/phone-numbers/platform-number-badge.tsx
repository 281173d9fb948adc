import { Badge } from "@/components/ui/badge";
import type { PhoneNumberView } from "@/lib/phone-numbers/view";

/** A number the deployment's administrator assigned from the platform pool, on its carrier's trunk. */
export function PlatformNumberBadge({ number }: { number: Pick<PhoneNumberView, "platform"> }) {
  return number.platform ? <Badge tone="slate">Platform number</Badge> : null;
}
