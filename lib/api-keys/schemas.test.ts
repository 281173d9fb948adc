import { describe, expect, it } from "vitest";
import { apiKeyInputFromFields, createApiKeyFields, createApiKeyInput } from "./schemas";

describe("an API key's lifetime", () => {
  it("the form's choice becomes expiresInDays: empty never expires", () => {
    expect(apiKeyInputFromFields(createApiKeyFields.parse({ name: "CRM", role: "MEMBER", expires: "30" }))).toEqual({ name: "CRM", role: "MEMBER", expiresInDays: 30 });
    expect(apiKeyInputFromFields(createApiKeyFields.parse({ name: "CRM", role: "MEMBER", expires: "" }))).toEqual({ name: "CRM", role: "MEMBER", expiresInDays: null });
    expect(createApiKeyFields.safeParse({ name: "CRM", role: "MEMBER", expires: "7" }).error?.issues[0]?.message).toBe("Choose when the key expires.");
  });

  it("REST takes 1 to 3650 whole days, or none", () => {
    expect(createApiKeyInput.parse({ name: "CRM", role: "ADMIN", expiresInDays: 3650 }).expiresInDays).toBe(3650);
    expect(createApiKeyInput.parse({ name: "CRM", role: "ADMIN" }).expiresInDays).toBeUndefined();
    expect(createApiKeyInput.safeParse({ name: "CRM", role: "ADMIN", expiresInDays: 0 }).error?.issues[0]?.message).toBe("At least 1 day.");
    expect(createApiKeyInput.safeParse({ name: "CRM", role: "ADMIN", expiresInDays: 1.5 }).success).toBe(false);
  });
});
