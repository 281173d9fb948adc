// What a browser can be made to send cross-site without asking (a form post, a "simple"
// fetch) must not write with the victim's session cookie: SameSite=Lax alone leaves top-level
// form posts and same-site origins. A cookie-authenticated write therefore needs a JSON body
// (which no form or simple request can send) and, when the browser says where it comes from,
// our own Origin. API-key callers are not browsers; they are not checked.

export const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export type CookieWriteRefusal = { status: 403 | 415; detail: string };

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaType(contentType: string | null): string | null {
  if (contentType === null) return null;
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  return type === "" ? null : type;
}

/**
 * Why a cookie-authenticated request may not write, or null. `allowedOrigins` are the
 * console's own origins (its public URL and the URL the request reached). `bodyText` is the
 * body as read: a write without a Content-Type must have none.
 */
export function cookieWriteRefusal(request: Request, allowedOrigins: readonly string[], bodyText: string): CookieWriteRefusal | null {
  if (!WRITE_METHODS.has(request.method.toUpperCase())) return null;
  const origin = request.headers.get("origin");
  if (origin !== null && !allowedOrigins.includes(origin)) {
    return { status: 403, detail: "Cross-origin writes with a session cookie are refused; call the API with an API key instead." };
  }
  const type = mediaType(request.headers.get("content-type"));
  if (type === null ? bodyText.trim() !== "" : type !== "application/json") {
    return { status: 415, detail: "Send the body as application/json." };
  }
  return null;
}

/** The origins a cookie-authenticated write may come from. */
export function consoleOrigins(request: Request, publicUrl: string | undefined): string[] {
  const origins = [new URL(request.url).origin];
  if (publicUrl) origins.push(new URL(publicUrl).origin);
  return origins;
}
