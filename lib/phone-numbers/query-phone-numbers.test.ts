import { describe, expect, it } from "vitest";
import { escapeLike } from "./query-phone-numbers";

describe("escapeLike", () => {
  it("makes LIKE's wildcards and its escape character literal", () => {
    expect(escapeLike("50% off")).toBe("50\\% off");
    expect(escapeLike("a_b")).toBe("a\\_b");
    expect(escapeLike("back\\slash")).toBe("back\\\\slash");
    expect(escapeLike("plain label")).toBe("plain label");
  });
});
