import { ConflictError, ValidationError, type FieldErrors } from "@/lib/errors";

// The services speak of accounts and numbers (sipServerAddress, outboundPassword, label...);
// the BYOC API's clients know only the seed's field names. Every field error that reaches a
// BYOC client is renamed here, so a 422 always points at a field the client sent.

const BYOC_FIELD: Record<string, string> = {
  accountId: "terminationUri",
  accountName: "terminationUri",
  sipServerAddress: "terminationUri",
  sipTransport: "terminationUri",
  destinationCountry: "phoneNumber",
  allowedInboundIps: "sipUsername",
  outboundUsername: "sipUsername",
  inboundUsername: "sipUsername",
  outboundPassword: "sipPassword",
  inboundPassword: "sipPassword",
  number: "phoneNumber",
  label: "friendlyName",
};

export function toByocFieldErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(errors)) {
    const [head = "", ...rest] = path.split(".");
    const name = [BYOC_FIELD[head] ?? head, ...rest].join(".");
    const list = (out[name] ??= []);
    // An account's outbound and inbound credentials are both the one sipUsername/sipPassword.
    for (const message of messages) if (!list.includes(message)) list.push(message);
  }
  return out;
}

/** Runs a service call and renames the fields of the ValidationError or ConflictError it throws. */
export async function withByocFieldNames<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ValidationError) throw new ValidationError(err.message, toByocFieldErrors(err.fieldErrors));
    if (err instanceof ConflictError) throw new ConflictError(err.message, toByocFieldErrors(err.fieldErrors));
    throw err;
  }
}
