import type { SpaceRoleName } from "@/lib/auth/roles";

/**
 * Who is acting, and in which Space. Resolved once per request from the session (or an API
 * key) and the URL; every service function takes it first and scopes its queries with it.
 */
export type SpaceContext = {
  userId: string;
  spaceId: string;
  role: SpaceRoleName;
  /** Set when the caller is an API key (userId is then "api-key:<id>"); keys cannot create keys. */
  apiKeyId?: string;
};
