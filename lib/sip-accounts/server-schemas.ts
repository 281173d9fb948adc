import "server-only";
import { serverEnv } from "@/lib/env";
import { makeSipAccountRestSchemas, type SipAccountRestSchemas } from "./rest-input";
import { makeSipAccountSchemas, type SipAccountSchemas } from "./schemas";

let cached: SipAccountSchemas | undefined;
let cachedRest: SipAccountRestSchemas | undefined;

/** The schemas with this deployment's IP rules (loopback allowed only in local mode). */
export function sipAccountSchemas(): SipAccountSchemas {
  cached ??= makeSipAccountSchemas({ ipMode: serverEnv().DEPLOYMENT_MODE });
  return cached;
}

/** The REST bodies over the same schemas (what the routes parse and the OpenAPI document shows). */
export function sipAccountRestSchemas(): SipAccountRestSchemas {
  cachedRest ??= makeSipAccountRestSchemas(sipAccountSchemas());
  return cachedRest;
}
