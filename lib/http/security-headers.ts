// The headers every console response carries (next.config.ts `headers()`), as data so a
// unit test can read them. Imports nothing: next.config.ts loads it before the app builds.
//
// The CSP has no nonces: nonces would force every page to render per request. Next's App
// Router streams its payload in inline <script> tags, so scripts are 'self' plus
// 'unsafe-inline'; eval only in development (React's dev tooling). frame-ancestors 'none'
// and X-Frame-Options stop clickjacking; form-action and base-uri stop injected markup from
// sending forms or resolving links elsewhere.

export type SecurityHeaderOptions = {
  /** `next dev`: React needs eval, and hot reload a WebSocket. */
  development: boolean;
  /** The console's public URL (NEXTAUTH_URL); HSTS only when it is https. */
  publicUrl: string | undefined;
};

export function contentSecurityPolicy({ development }: Pick<SecurityHeaderOptions, "development">): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function isHttpsUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return new URL(url).protocol === "https:";
  } catch {
    return false;
  }
}

export function securityHeaders(options: SecurityHeaderOptions): { key: string; value: string }[] {
  const headers = [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(options) },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  ];
  // Over plain http a browser ignores HSTS anyway, and a local console must stay reachable by http.
  if (isHttpsUrl(options.publicUrl)) headers.push({ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" });
  return headers;
}
