import type { z } from "zod";
import { createAgentBody, updateAgentBody } from "@/lib/agents/rest-input";
import { registrationRestBody } from "@/lib/sip-registrations/schemas";
import { createApiKeyInput } from "@/lib/api-keys/schemas";
import { changeMemberRoleBody } from "@/lib/spaces/schemas";
import { makeByocSchemas } from "@/lib/byoc/schemas";
import { batchRowsQuery, createBatchInput } from "@/lib/calls/batches/schemas";
import { updateOutboundCapsBody } from "@/lib/calls/policy/caps";
import { updateRetentionBody } from "@/lib/calls/transcripts/schemas";
import { listCallsQuery, placeCallInput } from "@/lib/calls/schemas";
import { listRefusedCallsQuery } from "@/lib/edge/refused-calls";
import { usageQuery } from "@/lib/usage/schemas";
import { bindPhoneNumberBody, updatePhoneNumberBody } from "@/lib/phone-numbers/rest-input";
import { listPhoneNumbersQuery } from "@/lib/phone-numbers/schemas";
import { makeSipAccountRestSchemas, reprovisionModeQuery } from "@/lib/sip-accounts/rest-input";
import { makeSipAccountSchemas } from "@/lib/sip-accounts/schemas";
import { startSelfTestInput } from "@/lib/sip-accounts/self-test/schemas";
import { verifyRunsQuery } from "@/lib/sip-accounts/verify-run-view";
import type { RateLimitedOperation } from "@/lib/rate-limits/budgets";
import { createWebhookEndpointInput, deliveryLogQuery, updateWebhookEndpointInput } from "@/lib/webhooks/schemas";
import type { ResponseSchemaName } from "./response-schemas";

// Every operation of /api/v1, with the very schemas its route parses. The OpenAPI document is
// built from this table, and a unit test checks it against the route files.

/** Who may call: any member or key of the Space, owners and admins only (signed in), owners only (or owner keys), owners only (signed in), any API key or owner and admin keys only (no session), or anyone. */
export type Access = "member" | "admin" | "admin-session" | "owner" | "owner-session" | "key" | "admin-key" | "public";

export type Operation = {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  query?: z.ZodObject;
  /** What each query parameter means (the schema gives its type and limits). */
  queryNotes?: Record<string, string>;
  body?: z.ZodObject;
  /** Success status and its schema (null: no body). */
  success: { status: number; description: string; schema: ResponseSchemaName | null };
  /** Domain errors beyond the ones every operation can answer. */
  errors?: Partial<Record<409 | 422 | 429 | 503, string>>;
  idempotent?: boolean;
  /**
   * The budget the operation's service spends (lib/rate-limits/): documents the 429. The
   * service enforces it, for this route and the console's buttons alike.
   */
  rateLimit?: RateLimitedOperation;
};

// The IP rules' mode changes what a refinement accepts, never the JSON Schema of a field.
const sip = makeSipAccountRestSchemas(makeSipAccountSchemas({ ipMode: "production" }));
const byoc = makeByocSchemas({ ipMode: "production" });
const S = "/spaces/{spaceId}";
const B = "/byoc";
const byocNote = "The Space is the API key's (a session is not accepted here). Agent ids are the ids of the Space's agents (GET /spaces/{spaceId}/agents).";
const callsQueryNotes = {
  direction: "Only inbound or only outbound calls.",
  since: "Calls created at or after this instant; a date means the start of that day (UTC).",
  until: "Calls created before this instant (exclusive); a date means the start of that day (UTC). Must not be before since.",
  limit: "Page size.",
  cursor: "nextCursor of the previous page, with the same filters.",
};
const policy422 = (path: string) => `Invalid fields, each with its path; a destination the account's outbound policy refuses (another country, a premium-rate or other special number) on ${path}; or an Idempotency-Key reused with another request.`;
const caps429 = "A Space cap is reached (calls per minute, concurrent calls, calls per day): the detail names it; retry after Retry-After seconds.";
const saved503 = "Saved, but LiveKit was unreachable: the body is a problem with the saved resource in it; Reprovision once LiveKit is back.";

export const operations: Operation[] = [
  { method: "get", path: `${S}/sip-accounts`, operationId: "listSipAccounts", tag: "SIP accounts", summary: "List Custom SIP accounts", access: "member", success: { status: 200, description: "The Space's accounts.", schema: "SipAccountList" } },
  {
    method: "post", path: `${S}/sip-accounts`, operationId: "createSipAccount", tag: "SIP accounts", summary: "Create a Custom SIP account",
    description: "Creates the account and its LiveKit trunks. A username and its password go together, in each direction. Passwords are write-only.",
    access: "admin", body: sip.createSipAccountBody, success: { status: 201, description: "Created and provisioned.", schema: "SipAccount" },
    errors: { 409: "The name is taken in this Space.", 503: saved503 }, idempotent: true,
  },
  { method: "get", path: `${S}/sip-accounts/{accountId}`, operationId: "getSipAccount", tag: "SIP accounts", summary: "Get a Custom SIP account", access: "member", success: { status: 200, description: "The account.", schema: "SipAccount" } },
  {
    method: "patch", path: `${S}/sip-accounts/{accountId}`, operationId: "updateSipAccount", tag: "SIP accounts", summary: "Update a Custom SIP account",
    description: "Absent fields keep their values. Passwords: absent keeps, null clears, a string replaces.",
    access: "admin", body: sip.updateSipAccountBody, success: { status: 200, description: "Saved and provisioned.", schema: "SipAccount" },
    errors: { 409: "The name is taken in this Space.", 503: saved503 },
  },
  { method: "delete", path: `${S}/sip-accounts/{accountId}`, operationId: "deleteSipAccount", tag: "SIP accounts", summary: "Delete a Custom SIP account", description: "Removes its trunks and its numbers' dispatch rules, and frees its numbers.", access: "admin", success: { status: 204, description: "Deleted.", schema: null }, errors: { 503: "LiveKit was unreachable; nothing was deleted." } },
  { method: "get", path: `${S}/sip-accounts/{accountId}/host-ownership`, operationId: "getHostOwnership", tag: "SIP accounts", summary: "Host ownership of the account's PBX address", description: "In production an account without an outbound username sends calls only to addresses it has proven are its PBX's: by a call its PBX sent to one of its numbers through the SIP edge, or a Space owner's approval while no other Space holds the address. Lists each address the SIP server address resolves to now, and the record of proofs.", access: "member", success: { status: 200, description: "The account's host ownership.", schema: "HostOwnership" } },
  { method: "post", path: `${S}/sip-accounts/{accountId}/host-ownership`, operationId: "approveHost", tag: "SIP accounts", summary: "Approve the account's PBX address by hand", description: "Records a Space owner's approval of every address the SIP server address resolves to (the audit record names who approved).", access: "owner", success: { status: 200, description: "The account's host ownership after the approval.", schema: "HostOwnership" }, errors: { 409: "Another Space's account holds the address: only a call from the PBX proves it.", 422: "The account has no SIP server address, or it does not resolve (or resolves to a non-public address in production)." } },
  {
    method: "post", path: `${S}/sip-accounts/{accountId}/self-tests`, operationId: "startSelfTest", tag: "SIP accounts", summary: "Start a round-trip self-test",
    description: "Calls one of the account's own numbers, from itself, out through the account's outbound trunk; the PBX should route it straight back in, where the number's agent answers, and the test then hangs up. The answer is the test, running: poll it for the verdict, which names the failing leg (out, back, agent) and its fix. The outbound leg is an ordinary call (the call log, limits and the account's policy apply). Body: {} or { number }.",
    access: "admin", body: startSelfTestInput, success: { status: 202, description: "Started.", schema: "SelfTest" },
    errors: { 409: "A self-test of this account is already running.", 422: "The account has no SIP server address or no bound number, or the number is not one of its own." }, idempotent: true,
  },
  { method: "get", path: `${S}/sip-accounts/{accountId}/self-tests`, operationId: "listSelfTests", tag: "SIP accounts", summary: "The account's self-tests", description: "The last 20, newest first, each with its verdict and legs.", access: "member", success: { status: 200, description: "The history.", schema: "SelfTestList" } },
  { method: "get", path: `${S}/sip-accounts/{accountId}/self-tests/{testId}`, operationId: "getSelfTest", tag: "SIP accounts", summary: "One self-test", description: "Its verdict, judged live until final, and each leg with its SIP code and time.", access: "member", success: { status: 200, description: "The test.", schema: "SelfTest" } },
  { method: "post", path: `${S}/sip-accounts/{accountId}/verify`, operationId: "verifySipAccount", tag: "SIP accounts", summary: "Verify an account against LiveKit", description: "Runs four checks and keeps the report; changes nothing in LiveKit.", access: "member", success: { status: 200, description: "The report.", schema: "VerifyReport" }, rateLimit: "verify" },
  { method: "get", path: `${S}/sip-accounts/{accountId}/verify-runs`, operationId: "listVerifyRuns", tag: "SIP accounts", summary: "An account's Verify history", description: "Every Verify of the account (the console's button, this API, the periodic Verify, the Reprovision preview), newest first: when it ran, what ran it and who, the result and the failed checks. The newest 50 are kept.", access: "member", query: verifyRunsQuery, queryNotes: { limit: "How many of the newest runs (1-50)." }, success: { status: 200, description: "The runs.", schema: "VerifyRunList" } },
  { method: "post", path: `${S}/sip-accounts/{accountId}/reprovision`, operationId: "reprovisionSipAccount", tag: "SIP accounts", summary: "Reprovision an account", description: "Makes LiveKit match the saved account. In place by default (calls keep going); mode=recreate deletes and recreates, dropping calls.", access: "admin", query: reprovisionModeQuery, success: { status: 200, description: "What changed.", schema: "ReprovisionResult" }, errors: { 503: "LiveKit was unreachable; the body carries the account." }, rateLimit: "reprovision" },
  { method: "post", path: `${S}/sip-accounts/refresh-all`, operationId: "refreshAllSipAccounts", tag: "SIP accounts", summary: "Reprovision every account of the Space", access: "admin", success: { status: 200, description: "A summary; accounts LiveKit refused are listed under failed.", schema: "RefreshAllSummary" }, rateLimit: "refresh-all" },

  { method: "get", path: `${S}/phone-numbers`, operationId: "listPhoneNumbers", tag: "Phone numbers", summary: "List bound numbers", description: "In number order, a page at a time (keyset pagination).", access: "member", query: listPhoneNumbersQuery, queryNotes: { q: "Digits of the number (when it looks like one) or text of the label.", cursor: "nextCursor of the previous page.", limit: "Page size.", accountId: "Only the numbers of this Custom SIP account." }, success: { status: 200, description: "A page.", schema: "PhoneNumberPage" } },
  {
    method: "post", path: `${S}/phone-numbers`, operationId: "bindPhoneNumber", tag: "Phone numbers", summary: "Bind a number to an account",
    description: "A new binding is unverified until an inbound call for the number arrives through the account. When another Space has held the number unverified for 72 hours, the answer is 202 with `{ claim: { number, accountId, status: \"pending\", claimedAt, message } }`: an INVITE for the number from an address in this account's Allowed inbound IPs then makes it this account's, verified (README: Number ownership).",
    access: "admin", body: bindPhoneNumberBody, success: { status: 201, description: "Bound and provisioned.", schema: "PhoneNumber" },
    errors: { 409: "The number is bound to an account already (in this Space or another); the answer names nothing of it but whether it is verified or held for less than 72 hours.", 503: saved503 }, idempotent: true,
  },
  { method: "get", path: `${S}/phone-numbers/{numberId}`, operationId: "getPhoneNumber", tag: "Phone numbers", summary: "Get a bound number", access: "member", success: { status: 200, description: "The number.", schema: "PhoneNumber" } },
  { method: "patch", path: `${S}/phone-numbers/{numberId}`, operationId: "updatePhoneNumber", tag: "Phone numbers", summary: "Change a number's label and agents", description: "Absent fields keep their values; null clears.", access: "admin", body: updatePhoneNumberBody, success: { status: 200, description: "Saved.", schema: "PhoneNumber" }, errors: { 503: saved503 } },
  { method: "delete", path: `${S}/phone-numbers/{numberId}`, operationId: "unbindPhoneNumber", tag: "Phone numbers", summary: "Unbind a number", description: "Removes it from the account's trunks and deletes its dispatch rule; the number is free for any account again.", access: "admin", success: { status: 204, description: "Unbound.", schema: null }, errors: { 503: "LiveKit was unreachable; the number is still bound." } },
  { method: "post", path: `${S}/phone-numbers/{numberId}/refresh`, operationId: "refreshPhoneNumber", tag: "Phone numbers", summary: "Refresh a number's trunks", description: "Reprovisions the number's account in place (calls keep going). Shares Reprovision's rate limit.", access: "admin", success: { status: 200, description: "What changed.", schema: "RefreshPhoneNumberResult" }, errors: { 503: "LiveKit was unreachable; the body carries the number." }, rateLimit: "reprovision" },

  { method: "get", path: `${S}/agents`, operationId: "listAgents", tag: "Agents", summary: "List agents", access: "member", success: { status: 200, description: "The Space's agents, by name.", schema: "AgentList" } },
  { method: "post", path: `${S}/agents`, operationId: "createAgent", tag: "Agents", summary: "Create an agent", access: "admin", body: createAgentBody, success: { status: 201, description: "Created.", schema: "Agent" }, errors: { 409: "The name is taken in this Space." }, idempotent: true },
  { method: "get", path: `${S}/agents/{agentId}`, operationId: "getAgent", tag: "Agents", summary: "Get an agent", access: "member", success: { status: 200, description: "The agent.", schema: "Agent" } },
  { method: "patch", path: `${S}/agents/{agentId}`, operationId: "updateAgent", tag: "Agents", summary: "Update an agent", description: "Absent fields keep their values.", access: "admin", body: updateAgentBody, success: { status: 200, description: "Saved.", schema: "Agent" }, errors: { 409: "The name is taken in this Space." } },
  { method: "delete", path: `${S}/agents/{agentId}`, operationId: "deleteAgent", tag: "Agents", summary: "Delete an agent", access: "admin", success: { status: 204, description: "Deleted.", schema: null }, errors: { 409: "Numbers use the agent; the answer names them." } },
  { method: "get", path: `${S}/agents/{agentId}/sip-registration`, operationId: "getAgentSipRegistration", tag: "Agents", summary: "Get an agent's SIP registration and its status", description: "status is not_registered, pending, registered, auth_failed (the PBX refused the credentials; no more attempts until they change) or failed (retried with back-off), with lastCode, lastReason, expiresAt, lastAttemptAt and the status explained in plain words. 404 when the agent has none.", access: "member", success: { status: 200, description: "The registration.", schema: "SipRegistration" } },
  { method: "put", path: `${S}/agents/{agentId}/sip-registration`, operationId: "putAgentSipRegistration", tag: "Agents", summary: "Register an agent as an extension on your PBX", description: "Saves and enables the registration: the SIP edge sends REGISTER (with digest) to domain (or proxy) on port and transport, refreshes it before it expires, and relays the INVITEs the PBX sends to the agent's contact to the agent, with did in To and X-Dest-User when set. Empty strings are unset. transport tls and subscribe true are refused (422): the edge has no TLS listener and does not SUBSCRIBE. Needs the SIP edge (409 in direct mode).", access: "admin", body: registrationRestBody, success: { status: 200, description: "Saved; status starts at pending.", schema: "SipRegistration" }, errors: { 409: "The DID is used by another registration or bound to a number, or the deployment has no SIP edge." } },
  { method: "delete", path: `${S}/agents/{agentId}/sip-registration`, operationId: "deleteAgentSipRegistration", tag: "Agents", summary: "Unregister an agent", description: "The edge sends REGISTER with Expires: 0, then forgets the registration.", access: "admin", success: { status: 202, description: "Unregistering.", schema: null } },

  { method: "get", path: `${S}/api-keys`, operationId: "listApiKeys", tag: "API keys", summary: "List API keys", description: "Live keys only; never a secret.", access: "member", success: { status: 200, description: "The keys.", schema: "ApiKeyList" } },
  { method: "post", path: `${S}/api-keys`, operationId: "createApiKey", tag: "API keys", summary: "Create an API key", description: "Signed in as an owner or admin only: an API key cannot create keys. The role is at most your own. With expiresInDays the key stops working (401) that many days after its creation. The secret is in this answer only (not idempotent, so it is never stored for a replay).", access: "admin-session", body: createApiKeyInput, success: { status: 201, description: "The key and its secret.", schema: "CreatedApiKey" } },
  { method: "delete", path: `${S}/api-keys/{keyId}`, operationId: "revokeApiKey", tag: "API keys", summary: "Revoke an API key", description: "It stops working at once. An owner's key can be revoked by an owner only.", access: "admin", success: { status: 204, description: "Revoked.", schema: null } },

  { method: "get", path: `${S}/members`, operationId: "listMembers", tag: "Members", summary: "List members", description: "Pending invitations are not members and are not listed.", access: "member", success: { status: 200, description: "The members.", schema: "MemberList" } },
  { method: "patch", path: `${S}/members/{userId}`, operationId: "changeMemberRole", tag: "Members", summary: "Change a member's role", description: "Signed in as an owner only. Takes effect at the member's next request; the API keys they created in this Space are capped at the new role (cappedKeys counts them). The last owner cannot be demoted (422).", access: "owner-session", body: changeMemberRoleBody, success: { status: 200, description: "The new role.", schema: "ChangedMemberRole" }, errors: { 422: "The member is the Space's last owner." } },
  { method: "delete", path: `${S}/members/{userId}`, operationId: "removeMember", tag: "Members", summary: "Remove a member, or leave the Space", description: "Signed in only. An owner removes anyone; with your own user id (see listMembers) any member leaves. The member's access and the API keys they created in this Space end at once. The last owner cannot leave or be removed (422).", access: "owner-session", success: { status: 204, description: "Removed.", schema: null }, errors: { 422: "The member is the Space's last owner." } },

  { method: "get", path: `${S}/outbound-caps`, operationId: "getOutboundCaps", tag: "Calls", summary: "The Space's outbound caps", description: "Its own caps (null: the deployment's limit), the deployment's limits, and the caps enforced.", access: "member", success: { status: 200, description: "The caps.", schema: "OutboundCaps" } },
  { method: "patch", path: `${S}/outbound-caps`, operationId: "updateOutboundCaps", tag: "Calls", summary: "Change the Space's outbound caps", description: "Absent fields keep their values; null takes the deployment's limit; a number lowers it (above the deployment's limit is a 422).", access: "admin", body: updateOutboundCapsBody, success: { status: 200, description: "Saved.", schema: "OutboundCaps" } },

  { method: "get", path: `${S}/webhooks`, operationId: "listWebhookEndpoints", tag: "Webhooks", summary: "List webhook endpoints", description: "Never a signing secret. An endpoint disabled automatically carries disabledReason.", access: "member", success: { status: 200, description: "The endpoints.", schema: "WebhookEndpointList" } },
  { method: "post", path: `${S}/webhooks`, operationId: "createWebhookEndpoint", tag: "Webhooks", summary: "Create a webhook endpoint", description: "Events are POSTed to the URL, signed per Standard Webhooks (see the document's webhooks section). The signing secret is in this answer only. In production mode a URL resolving to a loopback, private, link-local or metadata address is refused (and checked again, by DNS, at every send).", access: "admin", body: createWebhookEndpointInput, success: { status: 201, description: "The endpoint and its signing secret.", schema: "CreatedWebhookEndpoint" } },
  { method: "get", path: `${S}/webhooks/{endpointId}`, operationId: "getWebhookEndpoint", tag: "Webhooks", summary: "Get a webhook endpoint", access: "member", success: { status: 200, description: "The endpoint.", schema: "WebhookEndpoint" } },
  { method: "patch", path: `${S}/webhooks/{endpointId}`, operationId: "updateWebhookEndpoint", tag: "Webhooks", summary: "Update a webhook endpoint", description: "Absent fields keep their values. Enabling an endpoint again clears its automatic notice and resumes its pending deliveries.", access: "admin", body: updateWebhookEndpointInput, success: { status: 200, description: "Saved.", schema: "WebhookEndpoint" } },
  { method: "delete", path: `${S}/webhooks/{endpointId}`, operationId: "deleteWebhookEndpoint", tag: "Webhooks", summary: "Delete a webhook endpoint", description: "With its delivery log; nothing more is sent to it.", access: "admin", success: { status: 204, description: "Deleted.", schema: null } },
  { method: "post", path: `${S}/webhooks/{endpointId}/rotate-secret`, operationId: "rotateWebhookSecret", tag: "Webhooks", summary: "Rotate the signing secret", description: "The new secret is in this answer only; the old one stops signing at once.", access: "admin", success: { status: 200, description: "The endpoint and its new secret.", schema: "CreatedWebhookEndpoint" } },
  { method: "post", path: `${S}/webhooks/{endpointId}/test`, operationId: "sendTestWebhook", tag: "Webhooks", summary: "Send a test event", description: "A webhook.test event to this endpoint only. Poll the delivery log for its outcome.", access: "admin", success: { status: 202, description: "Queued: the delivery.", schema: "WebhookDelivery" } },
  { method: "get", path: `${S}/webhooks/{endpointId}/deliveries`, operationId: "listWebhookDeliveries", tag: "Webhooks", summary: "An endpoint's delivery log", description: "Newest first: event, status, attempts, the last attempt's HTTP status, latency and response excerpt.", access: "member", query: deliveryLogQuery, success: { status: 200, description: "The deliveries.", schema: "WebhookDeliveryList" } },
  { method: "post", path: `${S}/webhooks/{endpointId}/deliveries/{deliveryId}/redeliver`, operationId: "redeliverWebhook", tag: "Webhooks", summary: "Redeliver an event", description: "Sends a delivered or failed event again with the same webhook-id and a fresh back-off schedule.", access: "admin", success: { status: 202, description: "Queued: the delivery.", schema: "WebhookDelivery" } },

  { method: "get", path: `${S}/calls`, operationId: "listCalls", tag: "Calls", summary: "List calls", description: "Newest first, a page at a time (keyset pagination on creation time).", access: "member", query: listCallsQuery, queryNotes: callsQueryNotes, success: { status: 200, description: "A page.", schema: "CallPage" } },
  { method: "post", path: `${S}/calls`, operationId: "placeCall", tag: "Calls", summary: "Place a call", description: "Queues the call (in PostgreSQL, with its job) for the dispatcher, which dials it through the from-number's account outbound trunk with the agent in the room, at scheduledAt if given, within the account's Max concurrent calls and Calls per second (a call over a limit waits, with waitReason saying why), and again after busy / no answer / failure when retry says so. The answer is the queued call; poll it for dialing, ringing, in_progress, completed, failed, busy, no_answer or cancelled. The outbound policy applies first: the from-number's account must allow the destination's country and, unless it allows them, the number must not be premium-rate or another special number (422 on `to`); the Space's caps (GET /outbound-caps) answer 429 with Retry-After.", access: "admin", body: placeCallInput, success: { status: 201, description: "Queued.", schema: "Call" }, idempotent: true, errors: { 422: policy422("to"), 429: caps429 } },
  { method: "post", path: `${S}/calls/{callId}/cancel`, operationId: "cancelCall", tag: "Calls", summary: "Cancel a queued call", description: "Cancels a call nobody has dialled yet (queued or scheduled). A call already dialling, ringing or up is not cancelled.", access: "admin", success: { status: 200, description: "The cancelled call.", schema: "Call" }, errors: { 409: "The call is dialling or over." } },
  { method: "get", path: `${S}/refused-calls`, operationId: "listRefusedCalls", tag: "Calls", summary: "List refused inbound calls", description: "INVITEs the SIP edge (or LiveKit behind it) refused for the Space's accounts, newest first: number not bound (404), address not in Allowed inbound IPs (403), inbound password wrong, no agent answered. Each carries its cause in plain words and the fix the console offers. Attributed by called number, else by source address when exactly one account lists it.", access: "member", query: listRefusedCallsQuery, success: { status: 200, description: "A page.", schema: "RefusedCallPage" } },
  { method: "get", path: `${S}/usage`, operationId: "getUsage", tag: "Calls", summary: "The Space's usage", description: "Computed from the call log: calls and billable seconds (answer to hang-up) by UTC day of the call's creation, direction and number, with totals, the monthly minutes limit the deployment's administrator set (null: none) and the billable seconds of the current UTC month. format=csv answers the rows as a text/csv file.", access: "member", query: usageQuery, success: { status: 200, description: "The usage report (or CSV).", schema: "UsageReport" } },
  { method: "get", path: `${S}/calls/{callId}`, operationId: "getCall", tag: "Calls", summary: "Get a call with its timeline", access: "member", success: { status: 200, description: "The call.", schema: "CallWithTimeline" } },
  { method: "get", path: `${S}/calls/{callId}/transcript`, operationId: "getCallTranscript", tag: "Calls", summary: "Get a call's transcript", description: "The turns the agent worker reported, oldest first: what the caller and the agent said (with interrupted: the caller cut the agent off), and the keys the caller pressed (kind key). Empty when the Space keeps no transcripts or they were purged after its retention.", access: "member", success: { status: 200, description: "The transcript.", schema: "Transcript" } },
  { method: "get", path: `${S}/transcript-retention`, operationId: "getTranscriptRetention", tag: "Calls", summary: "How long transcripts are kept", description: "Days a call's transcript is kept before the scheduled purge removes it; 0 keeps none.", access: "member", success: { status: 200, description: "The retention.", schema: "TranscriptRetention" } },
  { method: "patch", path: `${S}/transcript-retention`, operationId: "updateTranscriptRetention", tag: "Calls", summary: "Change how long transcripts are kept", description: "Whole days from 0 (keep none) to 3650. The purge applies a shorter retention to transcripts already kept within the hour.", access: "admin", body: updateRetentionBody, success: { status: 200, description: "Saved.", schema: "TranscriptRetention" } },

  {
    method: "post", path: `${S}/calls/batch`, operationId: "createBatch", tag: "Batches", summary: "Start a batch of calls",
    description: "Queues one call per destination (1 to 10,000) from one number, each with its own variables for the agent. Every row is checked first: one invalid row is a 422 naming its path (e.g. destinations.17.to) and nothing is queued. At most maxConcurrency of the batch's calls are in progress at once, within the account's own limits and the Space's concurrent and per-minute caps (calls wait). Every destination must pass the account's outbound policy, and the batch's calls count against the Space's daily cap when it is created. Poll GET /batches/{batchId} for progress.",
    access: "admin", body: createBatchInput, success: { status: 201, description: "Queued: the batch with its counts.", schema: "Batch" }, idempotent: true, errors: { 422: policy422("destinations.<i>.to"), 429: "The batch would go over the Space's daily cap; nothing is queued." },
  },
  { method: "get", path: `${S}/batches`, operationId: "listBatches", tag: "Batches", summary: "List batches", description: "The latest 100, newest first, with their counts by status.", access: "member", success: { status: 200, description: "The Space's batches.", schema: "BatchList" } },
  {
    method: "get", path: `${S}/batches/{batchId}`, operationId: "getBatch", tag: "Batches", summary: "Get a batch with its rows",
    description: "Counts by status, and the rows in row order, a page at a time (keyset pagination on the row number): each row's number, destination, status, SIP code, failure reason and call id.",
    access: "member", query: batchRowsQuery, queryNotes: { cursor: "nextCursor of the previous page.", limit: "Rows per page." }, success: { status: 200, description: "The batch and a page of its rows.", schema: "BatchWithRows" },
  },
  {
    method: "post", path: `${S}/batches/{batchId}/cancel`, operationId: "cancelBatch", tag: "Batches", summary: "Cancel a batch",
    description: "Cancels every call of the batch nobody has dialled yet; calls already dialling, ringing or in progress finish. Cancelling a cancelled batch again answers the same.",
    access: "admin", success: { status: 200, description: "Cancelled: the batch with its counts.", schema: "Batch" }, errors: { 409: "The batch has finished: there is nothing to cancel." },
  },

  {
    method: "post", path: `${B}/phone-numbers`, operationId: "createByocPhoneNumber", tag: "BYOC", summary: "Connect a number of your carrier",
    description: `${byocNote} The number is bound to the Space's Custom SIP account whose SIP server, transport and outbound credentials equal terminationUri, sipUsername and sipPassword; when there is none, one is created, named after the host, with those credentials for both directions (LiveKit authenticates to the carrier with them, and the carrier must authenticate its calls in with them), then provisioned as the console does. Without credentials, only an existing account without them (e.g. one made in the console with allowed inbound IPs) can be reused.`,
    access: "admin-key", body: byoc.createByocNumberBody, success: { status: 201, description: "Bound and provisioned.", schema: "ByocPhoneNumber" },
    errors: { 409: "The number is bound already (in this Space or another); the answer names nothing of it.", 503: saved503 }, idempotent: true,
  },
  { method: "get", path: `${B}/phone-numbers`, operationId: "listByocPhoneNumbers", tag: "BYOC", summary: "List numbers in BYOC form", description: `${byocNote} Every bound number of the Space, in number order, a page at a time.`, access: "key", query: listPhoneNumbersQuery, queryNotes: { q: "Digits of the number (when it looks like one) or text of the friendlyName.", cursor: "nextCursor of the previous page.", limit: "Page size.", accountId: "Only the numbers of this SIP account." }, success: { status: 200, description: "A page.", schema: "ByocPhoneNumberPage" } },
  { method: "get", path: `${B}/phone-numbers/{phoneNumber}`, operationId: "getByocPhoneNumber", tag: "BYOC", summary: "Get a number in BYOC form", description: byocNote, access: "key", success: { status: 200, description: "The number.", schema: "ByocPhoneNumber" } },
  {
    method: "put", path: `${B}/phone-numbers/{phoneNumber}`, operationId: "updateByocPhoneNumber", tag: "BYOC", summary: "Change a number's agents, name or carrier credentials",
    description: `${byocNote} Absent fields keep their values (a partial update). inboundAgentId, outboundAgentId and friendlyName change this number only; a new inbound agent updates its dispatch rule in place. terminationUri, sipUsername and sipPassword belong to the number's Custom SIP account: changing them (a password rotation, say) changes that account, so every number sharing it (sipAccount.phoneNumbers in the answer) uses the new values at once; the trunks are updated in place, with no interruption. On an account whose inbound credentials are its outbound ones (every account this API creates), both change together.`,
    access: "admin-key", body: byoc.updateByocNumberBody, success: { status: 200, description: "Saved.", schema: "ByocPhoneNumber" }, errors: { 503: saved503 },
  },
  { method: "delete", path: `${B}/phone-numbers/{phoneNumber}`, operationId: "deleteByocPhoneNumber", tag: "BYOC", summary: "Remove a number", description: `${byocNote} The number leaves its account's trunks and its dispatch rule is deleted. When it was the account's last number, the account is deleted with its trunks.`, access: "admin-key", success: { status: 204, description: "Removed.", schema: null }, errors: { 503: "LiveKit was unreachable; nothing was removed." } },
  { method: "post", path: `${B}/trunks/refresh`, operationId: "refreshByocTrunks", tag: "BYOC", summary: "Repair a number's trunks", description: `${byocNote} Reprovisions the number's account in place: trunks and dispatch rules keep their ids and are updated, missing ones are created. No interruption: calls in progress and new calls keep working. Shares Reprovision's rate limit.`, access: "admin-key", body: byoc.refreshByocTrunksBody, success: { status: 200, description: "What changed.", schema: "ByocRefreshResult" }, errors: { 503: "LiveKit was unreachable; the body carries the number." }, rateLimit: "reprovision" },
  { method: "post", path: `${B}/trunks/refresh-all`, operationId: "refreshAllByocTrunks", tag: "BYOC", summary: "Repair every trunk of the Space", description: `${byocNote} Reprovisions every Custom SIP account of the Space in place, as the console's Refresh all: no interruption (nothing is deleted and recreated), unlike a recreate.`, access: "admin-key", success: { status: 200, description: "A summary; accounts LiveKit refused are listed under failed.", schema: "RefreshAllSummary" }, rateLimit: "refresh-all" },

  { method: "get", path: "/openapi.json", operationId: "getOpenApiDocument", tag: "Meta", summary: "This document", access: "public", success: { status: 200, description: "OpenAPI 3.1.", schema: null } },
];
