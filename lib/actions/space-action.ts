import "server-only";
import type { z } from "zod";
import { requireSpace } from "@/lib/auth/session";
import type { SpaceContext } from "@/lib/spaces/context";
import type { ActionResult } from "./result";
import { toActionError } from "./to-action-error";

/**
 * Wraps a server action: resolves the caller's membership of `spaceId` (404 otherwise),
 * parses the raw input with the shared schema again (the browser is never trusted), runs the
 * service and maps its errors onto the form.
 */
export function spaceAction<S extends z.ZodType, T>(
  schema: S | (() => S),
  handler: (ctx: SpaceContext, input: z.output<S>) => Promise<T>,
) {
  return async (spaceId: string, raw: unknown): Promise<ActionResult<T>> => {
    const ctx = await requireSpace(spaceId);
    // A function defers building schemas that depend on the environment to request time.
    const parsed = (typeof schema === "function" ? schema() : schema).safeParse(raw);
    if (!parsed.success) {
      return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
    }
    try {
      return { ok: true, data: await handler(ctx, parsed.data) };
    } catch (err) {
      return toActionError(err);
    }
  };
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
