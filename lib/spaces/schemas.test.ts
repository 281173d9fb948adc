import { describe, expect, it } from "vitest";
import { inviteMemberInput, signUpInput } from "./schemas";

describe("signUpInput", () => {
  it("lowercases and trims the email", () => {
    const parsed = signUpInput.parse({ name: "Ada", email: "  Ada@Example.COM ", password: "a-long-password", spaceName: "Ops" });
    expect(parsed.email).toBe("ada@example.com");
  });

  it("puts each problem on its own field", () => {
    const result = signUpInput.safeParse({ name: "", email: "not-an-email", password: "short", spaceName: " " });
    expect(result.success).toBe(false);
    const fields = result.error!.flatten().fieldErrors;
    expect(fields.name?.[0]).toBe("Enter your name");
    expect(fields.email?.[0]).toBe("Enter a valid email address");
    expect(fields.password?.[0]).toBe("Use at least 10 characters");
    expect(fields.spaceName?.[0]).toBe("Give the Space a name");
  });
});

describe("inviteMemberInput", () => {
  it("refuses an unknown role", () => {
    expect(inviteMemberInput.safeParse({ email: "a@b.co", role: "ROOT" }).success).toBe(false);
  });
});
