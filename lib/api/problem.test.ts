import { describe, expect, it } from "vitest";
import { RateLimitedError } from "@/lib/errors";
import { errorToProblem } from "./problem";

describe("errorToProblem", () => {
  it("answers a spent budget with 429, Retry-After and the service's message", async () => {
    const response = errorToProblem(new RateLimitedError("Too many Verify runs; try again in 17 s.", 17));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("17");
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toEqual({ type: "about:blank", title: "Too many requests", status: 429, detail: "Too many Verify runs; try again in 17 s." });
  });
});
