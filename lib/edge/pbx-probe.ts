import { publicSipParameters } from "@/lib/platform/public-sip";
import "server-only";
import { performance } from "node:perf_hooks";
import type { SipAccount } from "@/lib/db/generated/prisma/client";
import { EdgeRpcError, edgeRpc } from "@/lib/edge/edge-rpc";
import { serverEnv } from "@/lib/env";
import { parseSipHostPort } from "@/lib/net/sip-host-port";
import { failed, ok, skipped, type VerifyCheck } from "@/lib/provisioning/verify-checks";

// Verify's "PBX reachable": the SIP edge sends SIP OPTIONS to the account's SIP server over
// the account's transport, from the address our SIP traffic uses (the edge's), and we report
// the round trip or the cause. The edge does the sending (tm.t_uac_wait_block over its
// loopback JSON-RPC); its fr_timer gives up after 5 s (kamailio.cfg).

const NAME = "PBX reachable";
/** Longer than the edge's own 5 s wait, so its 408 arrives before we give up on it. */
const RPC_TIMEOUT_MS = 8_000;

type PbxAnswer = { code: number; text: string };

export function probeTarget(row: Pick<SipAccount, "sipServerAddress" | "sipTransport">): { uri: string; host: string } | { skip: string } {
  if (!row.sipServerAddress) return { skip: "No SIP server address: outbound calls are off, so there is no PBX to probe." };
  if (row.sipTransport === "tls") return { skip: "The SIP edge here probes over UDP and TCP only; a TLS PBX is not probed." };
  const parsed = parseSipHostPort(row.sipServerAddress, { mode: "local" });
  if (!parsed.ok || !parsed.value) return { skip: "The SIP server address is not valid; Local config says why." };
  const transport = row.sipTransport === "tcp" ? "tcp" : "udp";
  const hostPort = parsed.value.port ? `${parsed.value.host}:${parsed.value.port}` : parsed.value.host;
  return { uri: `sip:${hostPort};transport=${transport}`, host: parsed.value.host };
}

/** The PBX's answer; null when the edge could not even send (its resolver found no address). */
async function sendOptions(rpcUrl: string, uri: string): Promise<PbxAnswer | null> {
  const from = `<sip:switchboard@${(await publicSipParameters()).domain.replace(/:\d+$/, "")}>;tag=probe${Date.now().toString(36)}`;
  try {
    const result = await edgeRpc(rpcUrl, "tm.t_uac_wait_block", ["OPTIONS", uri, ".", ".", `From: ${from}\r\nTo: <${uri}>\r\n`], RPC_TIMEOUT_MS);
    return (result as PbxAnswer | undefined) ?? null;
  } catch (err) {
    if (err instanceof EdgeRpcError && err.code !== null) return null;
    throw err;
  }
}

/** `rpcUrl`: the edge's JSON-RPC, the deployment's unless given (the integration tier's tests). */
export async function pbxReachableCheck(row: Pick<SipAccount, "sipServerAddress" | "sipTransport">, rpcUrl = serverEnv().SIP_EDGE_RPC_URL): Promise<VerifyCheck> {
  const target = probeTarget(row);
  if ("skip" in target) return skipped(NAME, target.skip);
  if (!rpcUrl) return skipped(NAME, "Direct mode (no SIP edge): nothing here sends the SIP OPTIONS probe.");

  const started = performance.now();
  let answer: PbxAnswer | null;
  try {
    answer = await sendOptions(rpcUrl, target.uri);
  } catch {
    return failed(NAME, "The SIP edge did not answer, so the PBX could not be probed.", "Check that the SIP edge is running (scripts/stack/status.sh), then Verify again.");
  }
  const ms = Math.round(performance.now() - started);
  // The edge could not even send: its resolver found no address for the name.
  if (!answer) return failed(NAME, `The name ${target.host} does not resolve to an address.`, "Check the SIP server address, or the PBX's DNS record.");
  const { code, text } = answer;
  if (code >= 200 && code < 300) return ok(NAME, `The PBX answered SIP OPTIONS with ${code} ${text} in ${ms} ms.`);
  if (code === 408) {
    const ips = (await publicSipParameters()).ips.map((ip) => ip.replace(/:\d+$/, "")).join(", ");
    return failed(NAME, `No answer to SIP OPTIONS within 5 s from ${target.uri}.`, `Are Our SIP server IPs (${ips}) allowed through the PBX's firewall, and does the PBX listen on that port and transport?`);
  }
  return failed(NAME, `The PBX answered SIP OPTIONS with ${code} ${text}.`, "Allow SIP OPTIONS from Our SIP server IPs on the PBX (often called qualify or keep-alive).");
}
