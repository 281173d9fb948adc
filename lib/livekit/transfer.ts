import "server-only";
import { ServerError, SipCallError, SipClient } from "livekit-server-sdk";
import { liveKitFromEnv, unconfiguredClient } from "./client";
import { isNetworkError } from "./errors";

// Cold transfer of a call's SIP participant through its PBX: livekit-sip sends the PBX a REFER
// (Refer-To: the destination) and waits for the PBX's NOTIFY with the new call's final answer.
// Resolves with our own outcome; LiveKit's text never leaves this file but to the server log.

export type TransferOutcome =
  /** The PBX accepted the REFER (2xx) and reported the transfer connected (NOTIFY 200). */
  | { kind: "transferred" }
  /** The PBX refused the REFER or the transferred call failed: its SIP status when known. */
  | { kind: "refused"; sipStatusCode: number | undefined }
  | { kind: "unreachable" }
  /** The call was gone, or LiveKit refused the request for a reason of its own. */
  | { kind: "failed" };

/** Waits at most this long for the PBX: REFER, then the NOTIFY of the new call's answer. */
const TRANSFER_TIMEOUT_SECONDS = 40;

export async function transferCallParticipant(roomName: string, participantIdentity: string, transferTo: string): Promise<TransferOutcome> {
  const config = liveKitFromEnv();
  const sip = config ? new SipClient(config.url, config.apiKey, config.apiSecret, { requestTimeout: TRANSFER_TIMEOUT_SECONDS, failover: false }) : unconfiguredClient<SipClient>();
  try {
    await sip.transferSipParticipant(roomName, participantIdentity, transferTo, { playDialtone: false });
    return { kind: "transferred" };
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof SipCallError ? err.cause : err;
    console.error("[calls] transfer failed", { room: roomName, err: cause instanceof Error ? cause.message : String(cause), sipStatusCode: cause instanceof SipCallError ? cause.sipStatusCode : undefined });
    if (cause instanceof SipCallError) return { kind: "refused", sipStatusCode: cause.sipStatusCode };
    if (isNetworkError(err) || (err as { kind?: string }).kind === "unreachable") return { kind: "unreachable" };
    if (err instanceof ServerError && /\b([3-6]\d\d)\b/.test(err.message)) {
      // livekit-sip words a refused REFER as "call transfer failed: ... 603 ...": keep the code only.
      return { kind: "refused", sipStatusCode: Number(/\b([3-6]\d\d)\b/.exec(err.message)![1]) };
    }
    return { kind: "failed" };
  }
}
