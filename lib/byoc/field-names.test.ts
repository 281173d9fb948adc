import { describe, expect, it } from "vitest";
import { ConflictError, ValidationError } from "@/lib/errors";
import { toByocFieldErrors, withByocFieldNames } from "./field-names";

describe("toByocFieldErrors", () => {
  it("names the seed's fields, merging both directions of the credentials", () => {
    expect(
      toByocFieldErrors({
        sipServerAddress: ["bad host"],
        outboundPassword: ["Enter the password too."],
        inboundPassword: ["Enter the password too."],
        inboundUsername: ["other"],
        number: ["taken"],
        label: ["too long"],
        inboundAgentId: ["Choose an agent of this Space."],
        "destinations.0.to": ["kept as is"],
      }),
    ).toEqual({
      terminationUri: ["bad host"],
      sipPassword: ["Enter the password too."],
      sipUsername: ["other"],
      phoneNumber: ["taken"],
      friendlyName: ["too long"],
      inboundAgentId: ["Choose an agent of this Space."],
      "destinations.0.to": ["kept as is"],
    });
  });

  it("renames the errors a service throws, and lets others through", async () => {
    await expect(withByocFieldNames(() => Promise.reject(new ValidationError("x", { outboundUsername: ["u"] })))).rejects.toMatchObject({ fieldErrors: { sipUsername: ["u"] } });
    await expect(withByocFieldNames(() => Promise.reject(new ConflictError("x", { number: ["n"] })))).rejects.toMatchObject({ fieldErrors: { phoneNumber: ["n"] } });
    const other = new Error("boom");
    await expect(withByocFieldNames(() => Promise.reject(other))).rejects.toBe(other);
  });
});
