import { z } from "zod";

// Deleting your own account: the current password confirms it is you at the keyboard.
export const deleteAccountInput = z.object({ password: z.string().min(1, "Enter your password").max(200) });
export type DeleteAccountInput = z.infer<typeof deleteAccountInput>;
