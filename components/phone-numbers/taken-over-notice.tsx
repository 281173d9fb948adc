import { CLAIMABLE_AFTER_HOURS } from "@/lib/phone-numbers/ownership-rules";
import type { TakenOverNumber } from "@/lib/phone-numbers/ownership";

/** Numbers this Space lost to another Space's proof in the last 30 days (README: Number ownership). */
export function TakenOverNotice({ numbers }: { numbers: TakenOverNumber[] }) {
  if (numbers.length === 0) return null;
  return (
    <div role="alert" className="mb-4 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200" data-testid="taken-over-notice">
      <p className="font-medium">
        {numbers.length === 1 ? "A number was taken over by another Space" : `${numbers.length} numbers were taken over by other Spaces`}
      </p>
      <ul className="mt-1 list-disc pl-5">
        {numbers.map((n) => (
          <li key={`${n.number}-${n.takenOverAt}`}>
            <span className="font-mono">{n.number}</span> was unbound on {new Date(n.takenOverAt).toUTCString()}: it stayed unverified for over {CLAIMABLE_AFTER_HOURS} hours and
            another Space&apos;s PBX proved it.
          </li>
        ))}
      </ul>
      <p className="mt-1">
        A binding is verified by one inbound call to the number through its account; verified numbers are never taken over.
      </p>
    </div>
  );
}
