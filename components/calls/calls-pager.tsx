import Link from "next/link";

// Keyset pages have no numbers: Next carries the cursor with the filters, Newest drops it.

function href(filters: Record<string, string>, cursor?: string): string {
  const params = new URLSearchParams(filters);
  if (cursor) params.set("cursor", cursor);
  const text = params.toString();
  return text ? `?${text}` : "?";
}

export function CallsPager({ filters, nextCursor, onLaterPage }: { filters: Record<string, string>; nextCursor: string | null; onLaterPage: boolean }) {
  if (!nextCursor && !onLaterPage) return null;
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50";
  return (
    <nav aria-label="Pages" className="mt-4 flex gap-3">
      {onLaterPage ? <Link className={link} href={href(filters)}>Newest</Link> : null}
      {nextCursor ? <Link className={link} href={href(filters, nextCursor)}>Next page</Link> : null}
    </nav>
  );
}
