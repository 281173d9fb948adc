import { z } from "zod";

// One source for the sign-up, sign-in, Space and invitation forms and their server checks.

const email = z
  .string()
  .trim()
  .min(1, "Enter your email address")
  .max(254, "That email address is too long")
  .pipe(z.email("Enter a valid email address"))
  .transform((v) => v.toLowerCase());

const spaceName = z.string().trim().min(1, "Give the Space a name").max(80, "Use at most 80 characters");

export const signUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
  email,
  password: z.string().min(10, "Use at least 10 characters").max(200, "Use at most 200 characters"),
  spaceName,
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({
  email,
  password: z.string().min(1, "Enter your password"),
});
export type SignInInput = z.infer<typeof signInInput>;

export const createSpaceInput = z.object({ name: spaceName });
export type CreateSpaceInput = z.infer<typeof createSpaceInput>;

export const inviteMemberInput = z.object({
  email,
  role: z.enum(["MEMBER", "ADMIN", "OWNER"]),
});
export type InviteMemberInput = z.infer<typeof inviteMemberInput>;

export const cancelInviteInput = z.object({ email });
export type CancelInviteInput = z.infer<typeof cancelInviteInput>;

export const removeMemberInput = z.object({ userId: z.string().min(1).max(128) });
export type RemoveMemberInput = z.infer<typeof removeMemberInput>;

export const changeMemberRoleInput = z.object({ userId: z.string().min(1).max(128), role: z.enum(["MEMBER", "ADMIN", "OWNER"]) });
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleInput>;
/** The REST body: the member is named by the URL. */
export const changeMemberRoleBody = changeMemberRoleInput.pick({ role: true });
