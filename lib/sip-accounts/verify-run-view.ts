import { z } from "zod";
import type { CheckName, VerifyCheck } from "@/lib/provisioning/verify-checks";

// One run of an account's Verify history as the REST API and the account page receive it.

/** Runs kept per account; older ones are dropped as new ones are stored. */
export const VERIFY_RUNS_KEPT = 50;

/** GET …/verify-runs: how many of the newest runs to answer. */
export const verifyRunsQuery = z.object({ limit: z.coerce.number().int().min(1).max(VERIFY_RUNS_KEPT).default(10) });

/** What ran a Verify: the console's button, the REST endpoint, the dispatcher's periodic Verify (also after an automatic repair), or the Reprovision dialog's preview. */
export const VERIFY_TRIGGERS = ["console", "api", "periodic", "reprovision_preview"] as const;
export type VerifyTrigger = (typeof VERIFY_TRIGGERS)[number];

export const VERIFY_TRIGGER_LABELS: Record<VerifyTrigger, string> = {
  console: "Verify button",
  api: "REST API",
  periodic: "Periodic Verify",
  reprovision_preview: "Reprovision preview",
};

export type VerifyRunView = {
  id: string;
  ranAt: string;
  trigger: VerifyTrigger;
  /** The member's email or "API key <name>"; null for the dispatcher, or a member or key since removed. */
  triggeredBy: string | null;
  ok: boolean;
  /** The checks that failed, in Verify's order; empty when the run passed. */
  failedChecks: { name: CheckName; reason: string }[];
  checks: VerifyCheck[];
};
