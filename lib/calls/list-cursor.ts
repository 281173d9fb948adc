import { z } from "zod";

// The call list's keyset cursor: the last row's (createdAt, id), the very pair the list is
// ordered by, so the next page starts strictly after it even when many calls share a
// millisecond. base64url JSON keeps it opaque to clients and safe in a URL. btoa/atob rather
// than Buffer: this module is isomorphic (the schema that uses it also runs in the browser).

export type CallsCursor = { createdAt: Date; id: string };

const cursorPayload = z.strictObject({ t: z.iso.datetime(), id: z.string().min(1).max(128) });

export function encodeCallsCursor(cursor: CallsCursor): string {
  const json = JSON.stringify({ t: cursor.createdAt.toISOString(), id: cursor.id });
  return btoa(json).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The cursor it encodes, or null for anything a previous page did not hand out. */
export function decodeCallsCursor(text: string): CallsCursor | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const json = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const parsed = cursorPayload.safeParse(JSON.parse(json));
    return parsed.success ? { createdAt: new Date(parsed.data.t), id: parsed.data.id } : null;
  } catch {
    return null;
  }
}
