// The checks of Verify, as the account card shows them: the product doc's four, then
// "PBX reachable" (a SIP OPTIONS probe the SIP edge sends, lib/edge/pbx-probe.ts).

export const CHECK_NAMES = ["Local config", "Inbound trunk", "Outbound trunk", "Numbers in sync", "PBX reachable"] as const;

/** Checks about LiveKit being in step with the console (drift); the others are not drift. */
export const LIVEKIT_CHECKS: ReadonlySet<CheckName> = new Set(["Inbound trunk", "Outbound trunk", "Numbers in sync"]);
export type CheckName = (typeof CHECK_NAMES)[number];

export type CheckStatus = "ok" | "failed" | "skipped";

export type VerifyCheck = {
  name: CheckName;
  status: CheckStatus;
  /** Plain language; for a failure, what is wrong. */
  reason: string;
  /** The product doc's fix for this failure, when one applies. */
  fix?: string;
};

export type VerifyReport = {
  checks: VerifyCheck[];
  verifiedAt: string;
  /** OK when no check failed. */
  ok: boolean;
  /** False when LiveKit could not be asked: its checks then say "LiveKit unreachable". */
  liveKitReachable: boolean;
};

export const LIVEKIT_UNREACHABLE = "LiveKit unreachable";

export const FIX_REPROVISION = "Reprovision: it updates LiveKit in place from the account's saved settings.";
export const FIX_DRIFT = "Reprovision: LiveKit drifted from the console (for example a manual edit in LiveKit).";
export const FIX_LIVEKIT_DOWN = "Check that LiveKit is running and reachable from the console, then Verify again.";
export const FIX_LIVEKIT_NOT_CONFIGURED = "Set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET in .env, restart the console, then Reprovision.";
export const FIX_EDIT = "Edit the account and save it with valid values.";

export function ok(name: CheckName, reason: string): VerifyCheck {
  return { name, status: "ok", reason };
}

export function failed(name: CheckName, reason: string, fix?: string): VerifyCheck {
  return fix ? { name, status: "failed", reason, fix } : { name, status: "failed", reason };
}

export function skipped(name: CheckName, reason: string): VerifyCheck {
  return { name, status: "skipped", reason };
}

export function report(checks: VerifyCheck[], options: { liveKitReachable?: boolean; at?: Date } = {}): VerifyReport {
  return {
    checks,
    verifiedAt: (options.at ?? new Date()).toISOString(),
    ok: checks.every((c) => c.status !== "failed"),
    liveKitReachable: options.liveKitReachable ?? true,
  };
}
