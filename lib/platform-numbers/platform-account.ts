/**
 * The account id a Space sees wherever a platform number's carrier account would show (numbers,
 * calls, refusals, webhooks): the carrier's own account lives in the platform Space and is the
 * administrator's, so its id never reaches a tenant.
 */
export const PLATFORM_ACCOUNT_ID = "platform";
