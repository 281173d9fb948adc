import "server-only";
import { serverEnv } from "@/lib/env";
import { makeByocSchemas, type ByocSchemas } from "./schemas";

let cached: ByocSchemas | undefined;

/** The BYOC bodies with this deployment's IP rules (loopback allowed only in local mode). */
export function byocSchemas(): ByocSchemas {
  cached ??= makeByocSchemas({ ipMode: serverEnv().DEPLOYMENT_MODE });
  return cached;
}

/** The deployment's IP rules, for services that parse a terminationUri again. */
export function byocIpMode() {
  return serverEnv().DEPLOYMENT_MODE;
}
