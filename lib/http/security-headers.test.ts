import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

const byKey = (h: { key: string; value: string }[]) => Object.fromEntries(h.map((x) => [x.key, x.value]));

describe("securityHeaders", () => {
  it("forbids framing, sniffing and eval in production", () => {
    const h = byKey(securityHeaders({ development: false, publicUrl: "http://127.0.0.1:3000" }));
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(h["Content-Security-Policy"]).not.toContain("unsafe-eval");
  });

  it("sends HSTS only when the public URL is https", () => {
    expect(byKey(securityHeaders({ development: false, publicUrl: "https://console.example.com" }))["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    for (const publicUrl of ["http://127.0.0.1:3000", undefined, "not a url"]) {
      expect(byKey(securityHeaders({ development: false, publicUrl }))["Strict-Transport-Security"], String(publicUrl)).toBeUndefined();
    }
  });

  it("allows eval and the hot-reload socket in development only", () => {
    expect(contentSecurityPolicy({ development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ development: true })).toContain("ws:");
  });
});
