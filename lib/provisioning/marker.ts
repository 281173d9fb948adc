// Every LiveKit object the console creates carries this marker in its metadata, so it can be
// found again and adopted after its id was lost (LiveKit was down mid-create, a row was
// restored from backup), and so objects nobody wants any more can be recognised as ours.

export const MANAGED_BY = "switchboard/v1";

export type ObjectRole = "inbound-trunk" | "outbound-trunk" | "dispatch-rule";

export type ObjectMarker = {
  managedBy: typeof MANAGED_BY;
  spaceId: string;
  accountId: string;
  role: ObjectRole;
  /** Dispatch rules are per number. */
  number?: string;
};

export function markerMetadata(marker: Omit<ObjectMarker, "managedBy">): string {
  return JSON.stringify({ managedBy: MANAGED_BY, ...marker });
}

/** Reads a marker back; anything that is not ours (or not JSON) gives null. */
export function readMarker(metadata: string | undefined | null): ObjectMarker | null {
  if (!metadata) return null;
  try {
    const value = JSON.parse(metadata) as Partial<ObjectMarker>;
    if (value.managedBy !== MANAGED_BY || typeof value.accountId !== "string" || typeof value.spaceId !== "string") return null;
    if (value.role !== "inbound-trunk" && value.role !== "outbound-trunk" && value.role !== "dispatch-rule") return null;
    return value as ObjectMarker;
  } catch {
    return null;
  }
}

export function isMarkedFor(metadata: string | undefined | null, accountId: string, role: ObjectRole): boolean {
  const marker = readMarker(metadata);
  return marker !== null && marker.accountId === accountId && marker.role === role;
}
