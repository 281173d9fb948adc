"use server";

import { spaceAction } from "@/lib/actions/space-action";
import { createApiKeyInput, revokeApiKeyInput } from "@/lib/api-keys/schemas";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/service";

export const createApiKeyAction = spaceAction(createApiKeyInput, createApiKey);
export const revokeApiKeyAction = spaceAction(revokeApiKeyInput, (ctx, input) => revokeApiKey(ctx, input.keyId));
