import { z } from "zod";
import { spaceRoles, type SpaceRoleName } from "@/lib/auth/roles";

// API keys, one schema for the Settings form, its server action and the REST route.
// Isomorphic: zod only.

const CONTROL = /[\x00-\x1f\x7f]/;
export const MAX_KEY_DAYS = 3650;
/** The console's choices; REST takes any whole number of days up to MAX_KEY_DAYS. */
export const keyLifetimes = [
  { days: null, label: "Never" },
  { days: 30, label: "In 30 days" },
  { days: 90, label: "In 90 days" },
  { days: 365, label: "In 1 year" },
] as const;

export const createApiKeyInput = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "Give the key a name, e.g. the system that will use it.")
    .max(100, "Keep the name to 100 characters or fewer.")
    .refine((v) => !CONTROL.test(v), "Remove line breaks and other control characters from the name.")
    .meta({ description: "What the key is for, shown in Settings → API keys." }),
  role: z
    .enum(spaceRoles, { error: "Choose Member, Admin or Owner." })
    .meta({ description: "What the key may do, as a member of the Space with this role. At most the creator's own role." }),
  expiresInDays: z
    .int({ error: "Choose when the key expires." })
    .min(1, "At least 1 day.")
    .max(MAX_KEY_DAYS, `At most ${MAX_KEY_DAYS} days.`)
    .nullish()
    .meta({ description: `Days until the key stops working (1 to ${MAX_KEY_DAYS}); absent or null: it never expires.` }),
});
export type CreateApiKeyInput = z.output<typeof createApiKeyInput>;

/** The Settings form: the lifetime is the select's text ("" = never), turned into expiresInDays on submit. */
export const createApiKeyFields = createApiKeyInput.omit({ expiresInDays: true }).extend({
  expires: z.enum(["", ...keyLifetimes.filter((l) => l.days !== null).map((l) => String(l.days))], { error: "Choose when the key expires." }),
});
export type CreateApiKeyFields = z.input<typeof createApiKeyFields>;

export function apiKeyInputFromFields(fields: z.output<typeof createApiKeyFields>): CreateApiKeyInput {
  const { expires, ...rest } = fields;
  return { ...rest, expiresInDays: expires === "" ? null : Number(expires) };
}

/** What the console and the API show of a key: never the secret, never its hash. */
export type ApiKeyView = {
  id: string;
  name: string;
  /** The secret's first characters (sb_live_ and 8 more), to tell keys apart. */
  prefix: string;
  role: SpaceRoleName;
  createdAt: string;
  lastUsedAt: string | null;
  /** When the key stops working; null: never. */
  expiresAt: string | null;
};

/** The answer to a create: the only time the secret is shown. */
export type CreatedApiKey = { key: ApiKeyView; secret: string };

export const revokeApiKeyInput = z.object({ keyId: z.string().min(1).max(64) });
export type RevokeApiKeyInput = z.output<typeof revokeApiKeyInput>;
