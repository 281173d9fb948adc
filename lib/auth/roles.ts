// Roles within a Space, weakest first. Kept apart from Prisma's enum so client code can use it.
export const spaceRoles = ["MEMBER", "ADMIN", "OWNER"] as const;
export type SpaceRoleName = (typeof spaceRoles)[number];

export function roleAtLeast(role: SpaceRoleName, minimum: SpaceRoleName): boolean {
  return spaceRoles.indexOf(role) >= spaceRoles.indexOf(minimum);
}

export const roleLabels: Record<SpaceRoleName, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  MEMBER: "Member",
};
