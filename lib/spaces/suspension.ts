// What a suspended Space means, in the words every face shows (the banner, a refused call's
// failure reason, the 403 of a new call). Isomorphic: no database here.

export const SPACE_SUSPENDED_BANNER =
  "This Space is suspended by the deployment's administrator: its numbers refuse inbound calls and no outbound call is placed until it is resumed.";

export const SPACE_SUSPENDED_NEW_CALL = "This Space is suspended by the deployment's administrator, so it cannot place calls. Ask the administrator to resume it.";

export const SPACE_SUSPENDED_QUEUED_CALL = "Not placed: the Space was suspended by the deployment's administrator.";
