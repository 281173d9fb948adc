// Who administers the deployment (the Admin area). Separate from Space roles: an owner of
// every Space is no administrator, and an administrator is no member of a Space by it.
// Pure, so the rule is tested without a database.

export type AdminCandidate = { email: string; deploymentAdmin: boolean };

/**
 * An email named in SWITCHBOARD_ADMIN_EMAILS, or the user marked at sign-up as the first user
 * of a fresh deployment (only marked while the setting names nobody).
 */
export function isDeploymentAdmin(user: AdminCandidate, adminEmails: readonly string[]): boolean {
  return user.deploymentAdmin || adminEmails.includes(user.email.trim().toLowerCase());
}
