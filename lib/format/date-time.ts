// The one way the console shows a moment: ISO-like, in UTC, to the second. The same text on
// the server and in the browser (no locale or time zone of either), and sortable by eye.

/** "2025-01-31 14:05:09 UTC"; `empty` for a missing or unreadable value. */
export function formatDateTime(value: string | Date | null | undefined, empty = "—"): string {
  if (value === null || value === undefined || value === "") return empty;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return empty;
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
