import { describe, expect, it } from "vitest";
import { consoleOrigins, cookieWriteRefusal } from "./cookie-write-guard";

const ORIGINS = ["https://console.example.com"];
const req = (method: string, headers: Record<string, string> = {}) => new Request("https://console.example.com/api/v1/spaces/s/agents", { method, headers });

describe("cookieWriteRefusal", () => {
  it("lets JSON writes and bodiless writes through", () => {
    expect(cookieWriteRefusal(req("POST", { "content-type": "application/json" }), ORIGINS, "{}")).toBeNull();
    expect(cookieWriteRefusal(req("PATCH", { "content-type": "application/json; charset=utf-8", origin: ORIGINS[0]! }), ORIGINS, "{}")).toBeNull();
    expect(cookieWriteRefusal(req("POST"), ORIGINS, "")).toBeNull();
    expect(cookieWriteRefusal(req("DELETE"), ORIGINS, "")).toBeNull();
  });

  it("refuses what a form or a simple request can send with 415", () => {
    for (const type of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      expect(cookieWriteRefusal(req("POST", { "content-type": type }), ORIGINS, '{"name":"x"}')?.status, type).toBe(415);
    }
    expect(cookieWriteRefusal(req("PUT"), ORIGINS, '{"name":"x"}')?.status).toBe(415);
  });

  it("refuses a foreign Origin with 403, even with JSON", () => {
    expect(cookieWriteRefusal(req("POST", { "content-type": "application/json", origin: "https://evil.example" }), ORIGINS, "{}")?.status).toBe(403);
    expect(cookieWriteRefusal(req("DELETE", { origin: "null" }), ORIGINS, "")?.status).toBe(403);
  });

  it("does not check reads", () => {
    expect(cookieWriteRefusal(req("GET", { "content-type": "text/plain", origin: "https://evil.example" }), ORIGINS, "")).toBeNull();
  });

  it("knows the request's own origin and the public URL's", () => {
    expect(consoleOrigins(new Request("http://127.0.0.1:3000/x"), "https://console.example.com/base")).toEqual(["http://127.0.0.1:3000", "https://console.example.com"]);
  });
});
