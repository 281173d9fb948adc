import { retryPolicy } from "@/lib/calls/schemas";
import { usageReport } from "@/lib/usage/schemas";
import { z } from "zod";
import { agentLanguages, llmProviders, speechProviders, type AgentView } from "@/lib/agents/schemas";
import type { ApiKeyView, CreatedApiKey } from "@/lib/api-keys/schemas";
import { webhookEventTypes } from "@/lib/webhooks/events";
import type { CreatedWebhookEndpoint, WebhookDeliveryView, WebhookEndpointView } from "@/lib/webhooks/schemas";
import { spaceRoles } from "@/lib/auth/roles";
import type { BatchDetail, BatchView } from "@/lib/calls/batches/repository";
import type { CallEventView, CallView } from "@/lib/calls/repository";
import type { CallPage } from "@/lib/calls/list-calls";
import type { OutboundCapsView } from "@/lib/calls/policy/caps";
import { speakers, turnKinds, type TranscriptView } from "@/lib/calls/transcripts/schemas";
import type { RefusedCallView } from "@/lib/edge/refused-calls";
import { REGISTRATION_STATUSES, type RegistrationView } from "@/lib/sip-registrations/schemas";
import { refusalFacts } from "@/lib/edge/refusal-schema";
import type { RefreshByocTrunksResult } from "@/lib/byoc/refresh-byoc-trunks";
import type { ByocNumberPage, ByocNumberView } from "@/lib/byoc/view";
import { callStatuses } from "@/lib/calls/status";
import type { PhoneNumberPage, PhoneNumberView } from "@/lib/phone-numbers/view";
import type { RefreshPhoneNumberResult } from "@/lib/phone-numbers/refresh-phone-number";
import { CHECK_NAMES, type VerifyReport } from "@/lib/provisioning/verify-checks";
import type { RefreshAllSummary } from "@/lib/sip-accounts/refresh-all";
import { sipAccountDto } from "@/lib/sip-accounts/schemas";
import type { SipAccountListItem, SipAccountView } from "@/lib/sip-accounts/view";
import type { HostOwnershipView } from "@/lib/sip-accounts/host-ownership/view";
import { selfTestLegs } from "@/lib/sip-accounts/self-test/judge";
import type { SelfTestView } from "@/lib/sip-accounts/self-test/view";
import { VERIFY_TRIGGERS, type VerifyRunView } from "@/lib/sip-accounts/verify-run-view";

// The REST answers as zod, for the OpenAPI document only (the services build them from their
// own types). The assertions at the bottom fail the typecheck when a view type and its schema
// part ways, so the document cannot drift from what the routes send.

const provisioning = z.object({
  status: z.enum(["pending", "provisioned", "not_provisioned"]).meta({ description: "Whether LiveKit holds what the console describes, as far as the last write knows." }),
  reason: z.string().nullable().meta({ description: "Plain-language reason when not provisioned." }),
  at: z.string().nullable(),
});

const verifyReport = z.object({
  checks: z.array(
    z.object({
      name: z.enum(CHECK_NAMES),
      status: z.enum(["ok", "failed", "skipped"]),
      reason: z.string(),
      fix: z.string().optional(),
    }),
  ),
  verifiedAt: z.string(),
  ok: z.boolean().meta({ description: "True when no check failed." }),
  liveKitReachable: z.boolean().meta({ description: "False when LiveKit could not be asked; its checks then say LiveKit unreachable." }),
});

const verifyRun = z.object({
  id: z.string(),
  ranAt: z.string(),
  trigger: z.enum(VERIFY_TRIGGERS).meta({ description: "What ran it: the console's Verify button, the REST API, the periodic Verify, or the Reprovision preview." }),
  triggeredBy: z.string().nullable().meta({ description: "The member's email or \"API key <name>\"; null for the periodic Verify, or a member or key since removed." }),
  ok: z.boolean(),
  failedChecks: z.array(z.object({ name: z.enum(CHECK_NAMES), reason: z.string() })),
  checks: verifyReport.shape.checks,
});

const sipAccount = sipAccountDto.extend({
  inboundTrunkId: z.string().nullable(),
  outboundTrunkId: z.string().nullable(),
  provisioning,
  lastVerify: verifyReport.nullable().meta({ description: "The last Verify's checks; null when it never ran." }),
});

const ref = z.object({ id: z.string(), name: z.string() });
const phoneNumber = z.object({
  id: z.string(),
  number: z.string().meta({ description: "E.164." }),
  label: z.string().nullable(),
  warning: z.string().nullable().meta({ description: "Set when the number is possible for its country but not a known number of its numbering plan: check the digits." }),
  account: ref.meta({ description: "The Custom SIP account; a platform number's is { id: \"platform\", name: <the platform carrier's label> }." }),
  platform: z.boolean().meta({ description: "A platform number: assigned to the Space by the deployment's administrator and carried by the platform's carrier trunk." }),
  inboundAgent: ref.nullable(),
  outboundAgent: ref.nullable(),
  dispatchRuleId: z.string().nullable(),
  provisioning,
  createdAt: z.string(),
  verified: z.boolean().meta({ description: "Proven this Space's by an inbound call for it through the account's trunk (README: Number ownership). In production only verified numbers are caller IDs." }),
  verifiedAt: z.string().nullable().meta({ description: "When it was verified; null while unverified." }),
  verifiedBy: z.enum(["inbound_call", "claim_call", "rebind", "platform"]).nullable().meta({ description: "inbound_call: an inbound call through the account; claim_call: the INVITE that proved a claim; rebind: this Space's earlier proof on the same account; platform: assigned by the deployment's administrator." }),
});

const byocPhoneNumber = z.object({
  phoneNumber: z.string().meta({ description: "E.164." }),
  friendlyName: z.string().nullable(),
  inboundAgentId: z.string().nullable(),
  outboundAgentId: z.string().nullable(),
  terminationUri: z.string().nullable().meta({ description: "host[:port], with ;transport= unless automatic." }),
  sipUsername: z.string().nullable(),
  sipPasswordSet: z.boolean().meta({ description: "The password itself is never returned." }),
  sipAccount: z.object({ id: z.string(), name: z.string(), phoneNumbers: z.array(z.string()).meta({ description: "Every number sharing the account, this one included: a credential change applies to all." }) }),
  dispatchRuleId: z.string().nullable(),
  provisioning,
  createdAt: z.string(),
});

const phoneNumberPage = z.object({
  items: z.array(phoneNumber),
  nextCursor: z.string().nullable().meta({ description: "Pass as cursor for the next page; null on the last page." }),
  total: z.number().int().meta({ description: "Numbers matching the search, over all pages." }),
});

const languages = Object.keys(agentLanguages) as [keyof typeof agentLanguages, ...(keyof typeof agentLanguages)[]];
const agent = z.object({
  id: z.string(),
  name: z.string(),
  greeting: z.string(),
  instructions: z.string(),
  language: z.enum(languages),
  voice: z.string().nullable(),
  sttProvider: z.enum(speechProviders),
  llmProvider: z.enum(llmProviders),
  ttsProvider: z.enum(speechProviders),
  endCallEnabled: z.boolean().meta({ description: "The agent may hang up itself (end_call tool; offline: the caller's # key)." }),
  maxCallSeconds: z.number().int().nullable().meta({ description: "Answered calls end after this many seconds; null: no limit." }),
  silenceTimeoutSeconds: z.number().int().nullable().meta({ description: "The call ends after this many seconds of silence on both sides; null: never." }),
  transferDestinations: z.array(z.object({ name: z.string(), target: z.string().meta({ description: "E.164 number or SIP URI." }) })).meta({ description: "Where the agent may transfer a call (cold, SIP REFER)." }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const apiKey = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().meta({ description: "The secret's first characters, to tell keys apart." }),
  role: z.enum(spaceRoles),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable().meta({ description: "Updated at most once a minute." }),
  expiresAt: z.string().nullable().meta({ description: "From then on the key answers 401; null: it never expires." }),
});

const member = z.object({ userId: z.string(), email: z.string(), name: z.string(), role: z.enum(spaceRoles) });

const createdApiKey = z.object({ key: apiKey, secret: z.string().meta({ description: "sb_live_...: shown in this answer only. Send it as Authorization: Bearer <secret>." }) });

const webhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(webhookEventTypes)).meta({ description: "Empty: every event." }),
  enabled: z.boolean(),
  disabledReason: z.string().nullable().meta({ description: "Set when the console disabled it after days of failures." }),
  failingSince: z.string().nullable().meta({ description: "The first failure since the last success; null while it answers." }),
  createdAt: z.string(),
});

const createdWebhookEndpoint = z.object({ endpoint: webhookEndpoint, secret: z.string().meta({ description: "whsec_...: shown in this answer only. Verify signatures with it." }) });

const webhookDelivery = z.object({
  id: z.string(),
  messageId: z.string().meta({ description: "The webhook-id header: the same on every attempt." }),
  event: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number().int(),
  statusCode: z.number().int().nullable().meta({ description: "The last attempt's HTTP status; null when no answer came." }),
  latencyMs: z.number().int().nullable(),
  response: z.string().nullable().meta({ description: "The first 500 characters of the answer, or why none came." }),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable().meta({ description: "When a pending delivery is tried next." }),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});

const refreshAllSummary = z.object({
  total: z.number().int(),
  changed: z.array(z.object({ accountId: z.string(), accountName: z.string(), changes: z.array(z.string()) })),
  unchanged: z.number().int(),
  failed: z.array(z.object({ accountId: z.string(), accountName: z.string(), reason: z.string() })),
});

const call = z.object({
  id: z.string(),
  direction: z.enum(["inbound", "outbound"]),
  from: z.string(),
  to: z.string(),
  phoneNumber: z.object({ id: z.string(), number: z.string() }).nullable(),
  account: ref.nullable(),
  agent: ref.nullable().meta({ description: "null: the worker's default agent." }),
  status: z.enum(callStatuses),
  sipStatusCode: z.number().int().nullable(),
  failureReason: z.string().nullable().meta({ description: "Plain words: why the call failed, was busy or not answered." }),
  createdAt: z.string(),
  startedAt: z.string().nullable().meta({ description: "When the last attempt was dialled (outbound) or the INVITE arrived (inbound)." }),
  answeredAt: z.string().nullable().meta({ description: "To the millisecond." }),
  endedAt: z.string().nullable(),
  durationSeconds: z.number().int().nullable(),
  durationMs: z.number().int().nullable().meta({ description: "Answer to hang-up." }),
  scheduledAt: z.string().nullable().meta({ description: "Not dialled before this time." }),
  attempts: z.number().int().meta({ description: "Dial attempts so far, retries included." }),
  retryPolicy: retryPolicy.nullable(),
  waitReason: z.string().nullable().meta({ description: "Why a queued call still waits: a limit, or LiveKit not configured." }),
  endReason: z.string().nullable().meta({ description: "How an answered call ended, in plain words." }),
  batch: z.object({ id: z.string(), row: z.number().int().nullable() }).nullable(),
});
const callPage = z.object({
  items: z.array(call),
  nextCursor: z.string().nullable().meta({ description: "Pass as cursor (with the same filters) for the next page; null on the last page." }),
});
const callEvent = z.object({ kind: z.string(), detail: z.string().nullable(), at: z.string() });

const batch = z.object({
  id: z.string(),
  name: z.string(),
  from: z.string().meta({ description: "The caller ID of every call (E.164)." }),
  agent: ref.nullable().meta({ description: "null: the number's outbound agent, else the worker's default." }),
  maxConcurrency: z.number().int(),
  total: z.number().int().meta({ description: "Calls in the batch." }),
  counts: z.object(Object.fromEntries(callStatuses.map((s) => [s, z.number().int()])) as Record<(typeof callStatuses)[number], z.ZodNumber>).meta({ description: "Calls by status." }),
  finished: z.number().int().meta({ description: "Calls in a final status (completed, failed, busy, no_answer, cancelled)." }),
  state: z.enum(["running", "completed", "cancelled"]),
  createdAt: z.string(),
  completedAt: z.string().nullable().meta({ description: "When every call had ended." }),
  cancelledAt: z.string().nullable(),
});
const batchRow = z.object({
  row: z.number().int().meta({ description: "1-based: destinations[0] (or a CSV's first data row) is row 1." }),
  to: z.string(),
  status: z.enum(callStatuses),
  sipStatusCode: z.number().int().nullable(),
  failureReason: z.string().nullable(),
  callId: z.string().meta({ description: "GET /calls/{callId} for its timeline." }),
});

const refusalFix = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("bind_number"), number: z.string(), label: z.string() }),
  z.object({ kind: z.literal("allow_address"), address: z.string(), label: z.string() }),
  z.object({ kind: z.literal("check_inbound_password"), label: z.string() }),
  z.object({ kind: z.literal("check_agent"), number: z.string(), label: z.string() }),
  z.object({ kind: z.literal("ask_administrator"), label: z.string() }),
]);
const sipRegistration = z.object({
  agentId: z.string(),
  enabled: z.boolean().meta({ description: "false while it is being unregistered after DELETE." }),
  domain: z.string(),
  username: z.string(),
  extension: z.string().meta({ description: "The username." }),
  hasPassword: z.boolean(),
  proxy: z.string().nullable(),
  port: z.number().int().nullable(),
  transport: z.enum(["udp", "tcp", "tls"]),
  subscribe: z.literal(false),
  authUsername: z.string().nullable(),
  did: z.string().nullable(),
  xDestUser: z.string().nullable(),
  status: z.enum(REGISTRATION_STATUSES),
  lastCode: z.number().int().nullable().meta({ description: "The SIP code of the registrar's last final reply (408 when it never answered)." }),
  lastReason: z.string().nullable(),
  expiresAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  explanation: z.object({ summary: z.string(), fix: z.string().nullable() }),
  updatedAt: z.string(),
});
const refusedCall = refusalFacts.extend({
  id: z.string(),
  accountName: z.string().nullable(),
  fix: refusalFix.nullable().meta({ description: "The fix the console offers; null when there is nothing to act on." }),
});

const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string().meta({ description: "The field, e.g. outboundPassword or allowedInboundIps." }), message: z.string() })).optional(),
});

const caps = z.object({ callsPerMinute: z.number().int(), concurrentCalls: z.number().int(), callsPerDay: z.number().int() });
const outboundCaps = z.object({
  own: z.object({ callsPerMinute: z.number().int().nullable(), concurrentCalls: z.number().int().nullable(), callsPerDay: z.number().int().nullable() }).meta({ description: "The Space's own caps; null takes the deployment's limit." }),
  ceilings: caps.meta({ description: "The deployment's limits (OUTBOUND_* settings)." }),
  effective: caps.meta({ description: "What is enforced: the lower of the two." }),
});

/** Named schemas of the document's components, by name. */
const transcript = z.object({
  callId: z.string(),
  retentionDays: z.number().int().meta({ description: "The Space's retention: turns older than this many days are purged." }),
  turns: z.array(
    z.object({
      speaker: z.enum(speakers),
      kind: z.enum(turnKinds).meta({ description: "speech, or key: a key the caller pressed (text is the key)." }),
      text: z.string(),
      at: z.string().meta({ description: "When the turn began (ISO 8601)." }),
      interrupted: z.boolean().meta({ description: "The caller cut the agent off before it finished." }),
    }),
  ),
});

const proofKind = z.enum(["inbound_call", "owner_approval"]);
const hostOwnership = z.object({
  sipServerAddress: z.string().nullable().meta({ description: "The account's SIP server address as saved; null when it places no calls." }),
  enforced: z.boolean().meta({ description: "Host ownership is enforced on this deployment (production mode)." }),
  ipTrust: z.boolean().meta({ description: "The account sends outbound calls without a username: the PBX trusts our SIP servers' addresses." }),
  resolveError: z.string().nullable().meta({ description: "Why the SIP server address could not be resolved or is refused; null when it resolved." }),
  addresses: z.array(
    z.object({
      address: z.string(),
      proven: z.boolean(),
      provenBy: proofKind.nullable(),
      heldByAnotherSpace: z.boolean().meta({ description: "Another Space's account holds the address: only a call from the PBX proves it here." }),
    }),
  ).meta({ description: "Each address the SIP server address resolves to now." }),
  outboundAllowed: z.boolean().meta({ description: "Outbound calls may be placed as far as host ownership goes." }),
  proofs: z.array(
    z.object({
      address: z.string(),
      kind: proofKind,
      number: z.string().nullable().meta({ description: "The number the proving call was for." }),
      approvedBy: z.string().nullable().meta({ description: "Who approved by hand." }),
      at: z.string(),
    }),
  ).meta({ description: "The record of proofs, newest first (at most 50)." }),
});

const selfTestLeg = z.object({
  key: z.enum(selfTestLegs),
  title: z.string(),
  state: z.enum(["ok", "failed", "waiting", "not_reached"]),
  sipCode: z.number().int().nullable().meta({ description: "The SIP code this leg saw last (180, 200, 403...)." }),
  atMs: z.number().int().nullable().meta({ description: "Milliseconds from the start of the test to this leg's last step." }),
  detail: z.string(),
});
const selfTest = z.object({
  id: z.string(),
  accountId: z.string(),
  number: z.string().meta({ description: "The account's number that was called, from itself." }),
  startedAt: z.string(),
  startedBy: z.string(),
  finishedAt: z.string().nullable(),
  outboundCallId: z.string().meta({ description: "The outbound leg, in the call log." }),
  inboundCallId: z.string().nullable().meta({ description: "The call that came back in, when it did." }),
  state: z.enum(["running", "passed", "failed"]),
  failedLeg: z.enum(selfTestLegs).nullable(),
  summary: z.string(),
  fix: z.string().nullable().meta({ description: "What to change, naming the field or the PBX setting." }),
  legs: z.array(selfTestLeg).meta({ description: "out (Switchboard to the PBX), back (the PBX to Switchboard), agent (the number's agent answers)." }),
});
const selfTestList = z.object({ items: z.array(selfTest).meta({ description: "Newest first (the last 20)." }) });

export const responseSchemas = {
  SelfTest: selfTest,
  SelfTestList: selfTestList,
  HostOwnership: hostOwnership,
  Problem: problem,
  Provisioning: provisioning,
  VerifyReport: verifyReport,
  VerifyRunList: z.object({ items: z.array(verifyRun) }),
  SipAccount: sipAccount,
  SipAccountList: z.object({ items: z.array(sipAccount.extend({ numbersCount: z.number().int().meta({ description: "Numbers bound to the account." }) })) }),
  ReprovisionResult: z.object({ account: sipAccount, changes: z.array(z.string()).meta({ description: "What was changed in LiveKit; empty when it already matched." }) }),
  RefreshAllSummary: refreshAllSummary,
  PhoneNumber: phoneNumber,
  PhoneNumberPage: phoneNumberPage,
  RefreshPhoneNumberResult: z.object({ number: phoneNumber, changes: z.array(z.string()) }),
  ByocPhoneNumber: byocPhoneNumber,
  ByocPhoneNumberPage: z.object({ items: z.array(byocPhoneNumber), nextCursor: z.string().nullable(), total: z.number().int() }),
  ByocRefreshResult: z.object({ number: byocPhoneNumber, changes: z.array(z.string()).meta({ description: "What was changed in LiveKit; empty when it already matched." }) }),
  Agent: agent,
  AgentList: z.object({ items: z.array(agent) }),
  ApiKey: apiKey,
  ApiKeyList: z.object({ items: z.array(apiKey) }),
  CreatedApiKey: createdApiKey,
  MemberList: z.object({ items: z.array(member) }),
  ChangedMemberRole: z.object({ role: z.enum(spaceRoles), cappedKeys: z.number().int().meta({ description: "The member's API keys in this Space lowered to the new role." }) }),
  WebhookEndpoint: webhookEndpoint,
  WebhookEndpointList: z.object({ items: z.array(webhookEndpoint) }),
  CreatedWebhookEndpoint: createdWebhookEndpoint,
  WebhookDelivery: webhookDelivery,
  WebhookDeliveryList: z.object({ items: z.array(webhookDelivery) }),
  Call: call,
  CallPage: callPage,
  CallWithTimeline: call.extend({ events: z.array(callEvent) }),
  UsageReport: usageReport,
  RefusedCallPage: z.object({ items: z.array(refusedCall), nextCursor: z.string().nullable() }),
  OutboundCaps: outboundCaps,
  SipRegistration: sipRegistration,
  Transcript: transcript,
  TranscriptRetention: z.object({ days: z.number().int().meta({ description: "Days a transcript is kept; 0 keeps none." }) }),
  Batch: batch,
  BatchList: z.object({ items: z.array(batch) }),
  BatchWithRows: batch.extend({ rows: z.array(batchRow), nextCursor: z.number().int().nullable().meta({ description: "Pass as cursor for the next rows; null on the last page." }) }),
};
export type ResponseSchemaName = keyof typeof responseSchemas;

// Mutual assignability between each schema and the type the service returns.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Out<K extends ResponseSchemaName> = z.output<(typeof responseSchemas)[K]>;
const sameTypes: {
  sipAccount: Same<Out<"SipAccount">, SipAccountView>;
  verify: Same<Out<"VerifyReport">, VerifyReport>;
  number: Same<Out<"PhoneNumber">, PhoneNumberView>;
  page: Same<Out<"PhoneNumberPage">, PhoneNumberPage>;
  refresh: Same<Out<"RefreshPhoneNumberResult">, Omit<RefreshPhoneNumberResult, "failure">>;
  byoc: Same<Out<"ByocPhoneNumber">, ByocNumberView>;
  byocPage: Same<Out<"ByocPhoneNumberPage">, ByocNumberPage>;
  byocRefresh: Same<Out<"ByocRefreshResult">, Omit<RefreshByocTrunksResult, "failure">>;
  agent: Same<Out<"Agent">, AgentView>;
  apiKey: Same<Out<"ApiKey">, ApiKeyView>;
  created: Same<Out<"CreatedApiKey">, CreatedApiKey>;
  refreshAll: Same<Out<"RefreshAllSummary">, RefreshAllSummary>;
  call: Same<Out<"Call">, CallView>;
  callPage: Same<Out<"CallPage">, CallPage>;
  callEvent: Same<z.output<typeof callEvent>, CallEventView>;
  batch: Same<Out<"Batch">, BatchView>;
  outboundCaps: Same<Out<"OutboundCaps">, OutboundCapsView>;
  transcript: Same<Out<"Transcript">, TranscriptView>;
  batchWithRows: Same<Out<"BatchWithRows">, BatchDetail>;
  webhookEndpoint: Same<Out<"WebhookEndpoint">, WebhookEndpointView>;
  createdWebhook: Same<Out<"CreatedWebhookEndpoint">, CreatedWebhookEndpoint>;
  webhookDelivery: Same<Out<"WebhookDelivery">, WebhookDeliveryView>;
  refused: Same<z.output<typeof refusedCall>, RefusedCallView>;
  sipRegistration: Same<Out<"SipRegistration">, RegistrationView>;
  hostOwnership: Same<Out<"HostOwnership">, HostOwnershipView>;
  selfTest: Same<Out<"SelfTest">, SelfTestView>;
  verifyRuns: Same<Out<"VerifyRunList">, { items: VerifyRunView[] }>;
} = { selfTest: true, verifyRuns: true, hostOwnership: true, sipRegistration: true, transcript: true, refused: true, webhookEndpoint: true, createdWebhook: true, webhookDelivery: true, byoc: true, byocPage: true, byocRefresh: true, batch: true, outboundCaps: true, batchWithRows: true, sipAccount: true, verify: true, number: true, page: true, refresh: true, agent: true, apiKey: true, created: true, refreshAll: true, call: true, callPage: true, callEvent: true };
void sameTypes;
// The list's rows add numbersCount to the account.
const sameAccountList: Same<Out<"SipAccountList">, { items: SipAccountListItem[] }> = true;
void sameAccountList;
