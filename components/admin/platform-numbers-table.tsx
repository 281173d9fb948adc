"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { assignPlatformNumberAction, unassignPlatformNumberAction } from "@/lib/platform-numbers/actions";
import type { PlatformNumberView } from "@/lib/platform-numbers/pool";

type SpaceOption = { id: string; name: string };

/** Admin → Carrier: the pool and the assigned platform numbers, with Assign and Unassign. */
export function PlatformNumbersTable({ numbers, spaces }: { numbers: PlatformNumberView[]; spaces: SpaceOption[] }) {
  if (numbers.length === 0) {
    return <p className="text-sm text-slate-600">No platform numbers yet. Open <strong>Carrier accounts</strong>, add the carrier and bind its DIDs: they join the pool.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">Number</th>
            <th className="px-4 py-2 font-medium">Carrier account</th>
            <th className="px-4 py-2 font-medium">Space</th>
            <th className="px-4 py-2 font-medium">Assignment</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {numbers.map((n) => (
            <tr key={n.id} data-testid="platform-number-row" aria-label={n.number}>
              <td className="px-4 py-2 font-mono">{n.number}{n.label ? <span className="ml-2 font-sans text-slate-500">{n.label}</span> : null}</td>
              <td className="px-4 py-2">{n.carrier.name}</td>
              <td className="px-4 py-2">{n.space ? n.space.name : <Badge>Pool</Badge>}</td>
              <td className="px-4 py-2">{n.space ? <UnassignButton number={n} /> : <AssignForm number={n} spaces={spaces} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AssignForm({ number, spaces }: { number: PlatformNumberView; spaces: SpaceOption[] }) {
  const router = useRouter();
  const [spaceId, setSpaceId] = useState(spaces[0]?.id ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="flex flex-wrap items-end gap-2">
      <SelectField label={`Space for ${number.number}`} options={spaces.map((s) => ({ value: s.id, label: s.name }))} error={error ?? undefined} onChange={(e) => setSpaceId(e.target.value)} />
      <Button
        disabled={busy || !spaceId}
        onClick={async () => {
          setBusy(true);
          const result = await assignPlatformNumberAction(number.id, { spaceId });
          setBusy(false);
          setError(result.ok ? null : (result.fieldErrors?.spaceId?.[0] ?? result.formError ?? "The number could not be assigned."));
          if (result.ok) router.refresh();
        }}
      >
        Assign
      </Button>
    </div>
  );
}

function UnassignButton({ number }: { number: PlatformNumberView }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="secondary"
        disabled={busy}
        aria-label={`Unassign ${number.number}`}
        onClick={async () => {
          setBusy(true);
          const result = await unassignPlatformNumberAction(number.id);
          setBusy(false);
          setError(result.ok ? null : (result.formError ?? "The number could not be returned to the pool."));
          if (result.ok) router.refresh();
        }}
      >
        Return to pool
      </Button>
      {error ? <p role="alert" className="text-xs text-red-700">{error}</p> : null}
    </div>
  );
}
