import { describe, expect, it } from "vitest";
import { nodeOptionsWithSemiSpace } from "./job-process-heap";

describe("nodeOptionsWithSemiSpace", () => {
  it("adds the cap to empty options", () => {
    expect(nodeOptionsWithSemiSpace(undefined, 1)).toBe("--max-semi-space-size=1");
    expect(nodeOptionsWithSemiSpace("  ", 2)).toBe("--max-semi-space-size=2");
  });

  it("keeps the operator's other options", () => {
    expect(nodeOptionsWithSemiSpace("--enable-source-maps --max-old-space-size=512", 1)).toBe("--enable-source-maps --max-old-space-size=512 --max-semi-space-size=1");
  });

  it("replaces an earlier cap rather than adding a second", () => {
    expect(nodeOptionsWithSemiSpace("--max-semi-space-size=16 --enable-source-maps", 1)).toBe("--enable-source-maps --max-semi-space-size=1");
  });
});
