import { SipClient } from "livekit-server-sdk";
import { execFileSync } from "node:child_process";
import { stackLiveKit } from "../scripts/stack/stack-env";

// The tests' own window on LiveKit: the real server's list APIs, read independently of the
// console's code, and the stack scripts to stop and start livekit-server for real.

export function livekitSip(): SipClient {
  const { url, apiKey, apiSecret } = stackLiveKit();
  return new SipClient(url, apiKey, apiSecret);
}

function markedFor(metadata: string, accountId: string): boolean {
  try {
    return (JSON.parse(metadata) as { accountId?: string }).accountId === accountId;
  } catch {
    return false;
  }
}

/** Every inbound and outbound trunk LiveKit holds for an account (found by its marker). */
export async function trunksOf(accountId: string) {
  const sip = livekitSip();
  const [inbound, outbound] = await Promise.all([sip.listSipInboundTrunk(), sip.listSipOutboundTrunk()]);
  return {
    inbound: inbound.filter((t) => markedFor(t.metadata, accountId)),
    outbound: outbound.filter((t) => markedFor(t.metadata, accountId)),
  };
}

function stack(script: string) {
  execFileSync("bash", ["-c", script], { stdio: "pipe", env: process.env, timeout: 60_000 });
}

export function stopLiveKitServer() {
  stack('source scripts/stack/env.sh && source scripts/stack/lib.sh && stop_component livekit-server "$LIVEKIT_SERVER_BIN" TERM && wait_reaped');
}

/** up.sh is idempotent: it starts only what is down and waits for it to be healthy. */
export function startLiveKitServer() {
  stack("bash scripts/stack/up.sh");
}

/**
 * Kills the SIP edge (SIGKILL: no chance to save anything), its worker processes with it:
 * Kamailio's workers outlive a SIGKILLed main process and would keep serving the port.
 * startLiveKitServer() starts it again.
 */
export function killEdge() {
  stack('source scripts/stack/env.sh && source scripts/stack/lib.sh && main=$(cat "$(pid_file edge)") && workers=$(pgrep -P "$main" || true) && kill -KILL $workers 2>/dev/null; stop_component edge "$KAMAILIO_DIR/usr/sbin/kamailio" KILL && wait_reaped');
}

/** Every dispatch rule LiveKit holds for an account (found by its marker), read through LiveKit's own list API. */
export async function dispatchRulesOf(accountId: string) {
  const rules = await livekitSip().listSipDispatchRule();
  return rules.filter((r) => markedFor(r.metadata, accountId));
}

/** Every inbound trunk, of any account, that carries the number. */
export async function inboundTrunksWith(number: string) {
  const trunks = await livekitSip().listSipInboundTrunk();
  return trunks.filter((t) => t.numbers.includes(number));
}
