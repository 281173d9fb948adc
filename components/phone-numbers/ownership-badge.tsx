import { Badge } from "@/components/ui/badge";
import { HOW_TO_VERIFY } from "@/lib/phone-numbers/ownership-rules";
import type { PhoneNumberView } from "@/lib/phone-numbers/view";

/** Verified or not (README: Number ownership), with the how-to under an unverified number. */
export function OwnershipBadge({ number }: { number: Pick<PhoneNumberView, "verified" | "verifiedAt"> }) {
  if (number.verified) {
    return (
      <span title={number.verifiedAt ? `Verified ${new Date(number.verifiedAt).toLocaleString()}` : undefined}>
        <Badge tone="green">Verified</Badge>
      </span>
    );
  }
  return (
    <div className="space-y-1">
      <Badge tone="amber">Unverified</Badge>
      <p className="max-w-64 text-xs text-slate-600">{HOW_TO_VERIFY}</p>
    </div>
  );
}
