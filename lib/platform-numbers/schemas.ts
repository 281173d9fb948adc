import { z } from "zod";

// The Admin → Platform numbers inputs (isomorphic: the admin form, the action and the route).
// Adding a number to the pool is a bind on a carrier account: lib/phone-numbers/schemas.

export const assignPlatformNumberInput = z.object({
  spaceId: z.string().trim().min(1, "Choose a Space."),
});
export type AssignPlatformNumberInput = z.infer<typeof assignPlatformNumberInput>;
