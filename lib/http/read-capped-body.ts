// Reads a request body up to a byte cap, so an oversized body is refused before anything
// parses, verifies or buffers it whole. The declared Content-Length is refused up front; a
// body without one (chunked) is counted while it streams and dropped at the first byte over.
// Isomorphic (Web streams only), so unit tests drive it with plain Requests.

export const KIB = 1024;
export const MIB = 1024 * KIB;

export type CappedBody = { ok: true; text: string } | { ok: false; reason: "too-large" };

/** True when the declared Content-Length alone is over the cap. */
export function declaresTooLarge(headers: Headers, maxBytes: number): boolean {
  const declared = headers.get("content-length");
  if (declared === null || !/^\d+$/.test(declared.trim())) return false;
  return Number(declared.trim()) > maxBytes;
}

export async function readCappedBody(request: Request, maxBytes: number): Promise<CappedBody> {
  if (declaresTooLarge(request.headers, maxBytes)) return { ok: false, reason: "too-large" };
  if (request.body === null) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop reading: the rest of the body is never pulled into memory.
      await reader.cancel().catch(() => {});
      return { ok: false, reason: "too-large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return { ok: true, text: new TextDecoder().decode(bytes) };
}

/** A copy of `request` whose body is `text`, already read: handlers parse it as usual. */
export function withBodyText(request: Request, text: string): Request {
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(request.url, { method: request.method, headers, body: hasBody ? text : undefined });
}
