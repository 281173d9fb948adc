import "server-only";
import { fieldErrorsOf } from "@/lib/actions/space-action";
import { ConflictError, ValidationError } from "@/lib/errors";
import { createSipAccount } from "@/lib/sip-accounts/create-sip-account";
import type { SipAccountFields } from "@/lib/sip-accounts/schemas";
import { sipAccountSchemas } from "@/lib/sip-accounts/server-schemas";
import type { SpaceContext } from "@/lib/spaces/context";
import { toByocFieldErrors, withByocFieldNames } from "./field-names";
import { countryOfNumber } from "./number-country";
import { findCarrierAccount } from "./repository";
import { hostOf, type Termination } from "./termination-uri";

export type Credentials = { username: string | null; password: string | null };

const NEEDS_CREDENTIALS =
  "Send sipUsername and sipPassword: no Custom SIP account of this Space has this terminationUri without credentials, and a new one needs them to authenticate the carrier's calls (or create the account in the console with allowed inbound IPs first).";
/** Accounts named "host", "host (2)"... before giving up: names are unique per Space. */
const NAME_ATTEMPTS = 20;

/**
 * The Space's Custom SIP account for a carrier: the one whose SIP server, transport and
 * outbound credentials match, or a new one named after the host, made and provisioned by the
 * console's own service. A new account uses the credentials both ways: LiveKit sends them to
 * the carrier, and the carrier must send them on calls in (an account needs inbound
 * authentication or allowed IPs, and the BYOC body has no IPs).
 */
export async function findOrCreateCarrierAccount(ctx: SpaceContext, termination: Termination, creds: Credentials, phoneNumber: string): Promise<{ accountId: string; created: boolean }> {
  for (let attempt = 1; attempt <= NAME_ATTEMPTS; attempt++) {
    const existing = await findCarrierAccount(ctx, termination, creds);
    if (existing) return { accountId: existing.id, created: false };
    if (creds.username === null) throw new ValidationError(NEEDS_CREDENTIALS, { sipUsername: [NEEDS_CREDENTIALS] });
    const input = accountInput(termination, creds, phoneNumber, attempt);
    try {
      const { account } = await withByocFieldNames(() => createSipAccount(ctx, input));
      return { accountId: account.id, created: true };
    } catch (err) {
      // Another account has the name (a different carrier on the same host, or a concurrent
      // create of this very carrier): look for a match again, then try the next name.
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  const taken = "Too many Custom SIP accounts of this Space are named after this host; rename some in the console.";
  throw new ConflictError(taken, { terminationUri: [taken] });
}

function accountInput(termination: Termination, creds: Credentials, phoneNumber: string, attempt: number) {
  const host = hostOf(termination.sipServerAddress).slice(0, 90);
  const fields: SipAccountFields = {
    accountName: attempt === 1 ? host : `${host} (${attempt})`,
    sipServerAddress: termination.sipServerAddress,
    sipTransport: termination.sipTransport,
    destinationCountry: countryOfNumber(phoneNumber),
    allowedInboundIps: "",
    outboundUsername: creds.username ?? "",
    outboundPassword: creds.password ?? "",
    inboundUsername: creds.username ?? "",
    inboundPassword: creds.password ?? "",
    maxConcurrentCalls: "",
    callsPerSecond: "",
  };
  const parsed = sipAccountSchemas().createSipAccountInput.safeParse(fields);
  if (!parsed.success) throw new ValidationError("Check terminationUri, sipUsername and sipPassword.", toByocFieldErrors(fieldErrorsOf(parsed.error)));
  return parsed.data;
}
