import "server-only";
import { serverEnv } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import { resolveSipDestination } from "@/lib/net/sip-destination";

/**
 * In production, the SIP server address must resolve now, and only to public addresses: a
 * clear error on the field, before anything is saved. The form's schema has already checked
 * the syntax and IPv4 ranges (it cannot ask DNS); provisioning and every dial ask again.
 */
export async function assertSipServerAddressDialable(address: string | null): Promise<void> {
  const mode = serverEnv().DEPLOYMENT_MODE;
  if (address === null || mode === "local") return;
  const destination = await resolveSipDestination(address, mode);
  if (!destination.ok) throw new ValidationError(destination.error, { sipServerAddress: [destination.error] });
}
