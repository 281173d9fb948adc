import { PrismaClientKnownRequestError } from "@prisma/client/runtime/client";
import { describe, expect, it } from "vitest";
import { columnName, isForeignKeyViolation, isUniqueViolation } from "./errors";

function known(code: string, meta?: Record<string, unknown>) {
  return new PrismaClientKnownRequestError("failed", { code, clientVersion: "7.10.0", meta });
}

// The shape @prisma/adapter-pg gives a P2002 (captured from PostgreSQL 18).
function adapterViolation(table: string, constraint: Record<string, unknown>) {
  return known("P2002", {
    modelName: "X",
    driverAdapterError: {
      name: "DriverAdapterError",
      cause: { originalCode: "23505", kind: "UniqueConstraintViolation", constraint, table },
    },
  });
}

describe("isUniqueViolation", () => {
  const membershipClash = adapterViolation("memberships", { index: "memberships_space_id_user_id_key" });
  const emailClash = adapterViolation("users", { index: "users_email_key" });

  it("recognises P2002 and nothing else", () => {
    expect(isUniqueViolation(membershipClash)).toBe(true);
    expect(isUniqueViolation(known("P2025"))).toBe(false);
    expect(isUniqueViolation(new Error("P2002"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
    expect(isUniqueViolation({ code: "P2002" })).toBe(false);
  });

  it("matches the violated constraint by Prisma field names, in any order", () => {
    expect(isUniqueViolation(membershipClash, ["spaceId", "userId"])).toBe(true);
    expect(isUniqueViolation(membershipClash, ["userId", "spaceId"])).toBe(true);
    expect(isUniqueViolation(membershipClash, "spaceId")).toBe(false);
    expect(isUniqueViolation(membershipClash, "email")).toBe(false);
    expect(isUniqueViolation(emailClash, "email")).toBe(true);
    expect(isUniqueViolation(emailClash, ["email", "name"])).toBe(false);
  });

  it("does not confuse tables that share a column name", () => {
    const other = adapterViolation("api_keys", { index: "api_keys_email_key" });
    expect(isUniqueViolation(other, "email")).toBe(true);
    expect(isUniqueViolation(adapterViolation("users", { index: "api_keys_email_key" }), "email")).toBe(false);
  });

  it("reads column lists and the non-adapter meta.target", () => {
    const byFields = adapterViolation("memberships", { fields: ['"space_id"', '"user_id"'] });
    expect(isUniqueViolation(byFields, ["spaceId", "userId"])).toBe(true);
    expect(isUniqueViolation(known("P2002", { target: ["email"] }), "email")).toBe(true);
    expect(isUniqueViolation(known("P2002", { target: ["spaceId", "userId"] }), ["userId", "spaceId"])).toBe(true);
    expect(isUniqueViolation(known("P2002", { target: "users_email_key" }), "email")).toBe(true);
    expect(isUniqueViolation(known("P2002", {}), "email")).toBe(false);
  });
});

describe("columnName", () => {
  it("follows the schema's @map convention", () => {
    expect(columnName("passwordHash")).toBe("password_hash");
    expect(columnName("email")).toBe("email");
  });
});

describe("isForeignKeyViolation", () => {
  it("recognises P2003 and nothing else", () => {
    expect(isForeignKeyViolation(known("P2003", { modelName: "PhoneNumber" }))).toBe(true);
    expect(isForeignKeyViolation(known("P2002"))).toBe(false);
    expect(isForeignKeyViolation({ code: "P2003" })).toBe(false);
    expect(isForeignKeyViolation(null)).toBe(false);
  });
});
