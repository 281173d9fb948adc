// The browser's TanStack Query keys, one factory per domain, never inline arrays. Every key
// starts with [domain, spaceId], so invalidating `all` refreshes every view of that domain
// (a list, its pages, a detail) together after a write.

export const agentKeys = {
  all: (spaceId: string) => ["agents", spaceId] as const,
  list: (spaceId: string) => [...agentKeys.all(spaceId), "list"] as const,
  registration: (spaceId: string, agentId: string) => [...agentKeys.all(spaceId), "sip-registration", agentId] as const,
};

export const phoneNumberKeys = {
  all: (spaceId: string) => ["phone-numbers", spaceId] as const,
  page: (spaceId: string, q: string, cursor: string | null) => [...phoneNumberKeys.all(spaceId), "page", q, cursor] as const,
  account: (spaceId: string, accountId: string) => [...phoneNumberKeys.all(spaceId), "account", accountId] as const,
};

export const sipAccountKeys = {
  all: (spaceId: string) => ["sip-accounts", spaceId] as const,
  list: (spaceId: string) => [...sipAccountKeys.all(spaceId), "list"] as const,
  detail: (spaceId: string, accountId: string) => [...sipAccountKeys.all(spaceId), "detail", accountId] as const,
  hostOwnership: (spaceId: string, accountId: string) => [...sipAccountKeys.all(spaceId), "host-ownership", accountId] as const,
  verifyRuns: (spaceId: string, accountId: string) => [...sipAccountKeys.all(spaceId), "verify-runs", accountId] as const,
  refusedCalls: (spaceId: string, accountId: string) => [...sipAccountKeys.all(spaceId), "refused-calls", accountId] as const,
  selfTests: (spaceId: string, accountId: string) => [...sipAccountKeys.all(spaceId), "self-tests", accountId] as const,
};

export const callKeys = {
  all: (spaceId: string) => ["calls", spaceId] as const,
  list: (spaceId: string, filters: Record<string, string>) => [...callKeys.all(spaceId), "list", filters] as const,
  detail: (spaceId: string, callId: string) => [...callKeys.all(spaceId), "detail", callId] as const,
  transcript: (spaceId: string, callId: string) => [...callKeys.all(spaceId), "transcript", callId] as const,
};

export const batchKeys = {
  all: (spaceId: string) => ["batches", spaceId] as const,
  list: (spaceId: string) => [...batchKeys.all(spaceId), "list"] as const,
  detail: (spaceId: string, batchId: string, cursor: number | undefined) => [...batchKeys.all(spaceId), "detail", batchId, cursor ?? 0] as const,
};

export const webhookKeys = {
  all: (spaceId: string) => ["webhooks", spaceId] as const,
  endpoints: (spaceId: string) => [...webhookKeys.all(spaceId), "endpoints"] as const,
  deliveries: (spaceId: string, endpointId: string) => [...webhookKeys.all(spaceId), "deliveries", endpointId] as const,
};

export const memberKeys = {
  all: (spaceId: string) => ["members", spaceId] as const,
  list: (spaceId: string) => [...memberKeys.all(spaceId), "list"] as const,
};

export const apiKeyKeys = {
  all: (spaceId: string) => ["api-keys", spaceId] as const,
  list: (spaceId: string) => [...apiKeyKeys.all(spaceId), "list"] as const,
};
