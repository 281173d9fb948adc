// What the sign-in and sign-up forms say when an attempt is throttled. Imports nothing, so the
// client form can use it.

/** The error next-auth hands the sign-in form when the attempt was throttled. */
export const SIGN_IN_THROTTLED_CODE = "TooManyAttempts";
export const SIGN_IN_THROTTLED = "Too many sign-in attempts. Wait a few minutes and try again.";
export const SIGN_UP_THROTTLED = "Too many accounts were created from your network. Try again later.";
