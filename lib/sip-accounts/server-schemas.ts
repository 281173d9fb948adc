import "server-only";
import { serverEnv } from "@/lib/env";
import { makeSipAccountSchemas, type SipAccountSchemas } from "./schemas";

let cached: SipAccountSchemas | undefined;

/** The schemas with this deployment's IP rules (loopback allowed only in local mode). */
export function sipAccountSchemas(): SipAccountSchemas {
  cached ??= makeSipAccountSchemas({ ipMode: serverEnv().DEPLOYMENT_MODE });
  return cached;
}
