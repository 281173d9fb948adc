"use client";

import { useRouter } from "next/navigation";
import { inputClass } from "@/components/ui/field";
import type { SpaceSummary } from "@/lib/spaces/service";

const NEW_SPACE = "__new__";

export function SpaceSwitcher({
  currentSpaceId,
  spaces,
}: {
  currentSpaceId: string;
  currentSpaceName: string;
  spaces: SpaceSummary[];
}) {
  const router = useRouter();
  return (
    <div>
      <label htmlFor="space-switcher" className="mb-1 block text-xs font-medium uppercase tracking-wide text-slate-500">
        Space
      </label>
      <select
        id="space-switcher"
        className={inputClass}
        value={currentSpaceId}
        onChange={(e) => {
          const next = e.target.value;
          router.push(next === NEW_SPACE ? "/spaces/new" : `/s/${next}/phone-numbers`);
        }}
      >
        {spaces.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
        <option value={NEW_SPACE}>+ New Space…</option>
      </select>
    </div>
  );
}
