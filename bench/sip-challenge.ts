import { randomBytes } from "node:crypto";
import { createSocket } from "node:dgram";

// INVITE -> first final answer, timed in-process to the microsecond, for bench/sip-edge.ts:
// sent to an account with an inbound password, livekit-sip answers 407 as soon as its trunk
// matches, with no room or participant set up. Through the edge and straight to livekit-sip
// in turn, the difference is the edge's own cost (its routing answer and the relay), free of
// LiveKit's set-up time, which varies by hundreds of milliseconds. The 407 is acknowledged as
// RFC 3261 asks, so no retransmission lingers.

const TIMEOUT_MS = 5_000;

/** Milliseconds from the INVITE to its final answer and that answer's code; null code when none came. */
export async function timeChallenge(port: number, called: string, caller: string): Promise<{ ms: number; code: number | null }> {
  const socket = createSocket("udp4");
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  const local = socket.address().port;
  const branch = `z9hG4bK${randomBytes(8).toString("hex")}`;
  const callId = `${randomBytes(10).toString("hex")}@bench`;
  const fromTag = randomBytes(4).toString("hex");
  const sdp = ["v=0", "o=bench 1 1 IN IP4 127.0.0.1", "s=-", "c=IN IP4 127.0.0.1", "t=0 0", "m=audio 40000 RTP/AVP 0", "a=rtpmap:0 PCMU/8000", ""].join("\r\n");
  const head = (method: string, cseq: string, to: string) =>
    [
      `${method} sip:${called}@127.0.0.1:${port} SIP/2.0`,
      `Via: SIP/2.0/UDP 127.0.0.1:${local};branch=${branch}`,
      "Max-Forwards: 70",
      `From: <sip:${caller}@127.0.0.1>;tag=${fromTag}`,
      `To: ${to}`,
      `Call-ID: ${callId}`,
      `CSeq: ${cseq}`,
    ];
  const invite = [...head("INVITE", "1 INVITE", `<sip:${called}@127.0.0.1>`), `Contact: <sip:${caller}@127.0.0.1:${local}>`, "Content-Type: application/sdp", `Content-Length: ${Buffer.byteLength(sdp)}`, "", sdp].join("\r\n");

  try {
    return await new Promise((resolve) => {
      const started = process.hrtime.bigint();
      const timer = setTimeout(() => resolve({ ms: TIMEOUT_MS, code: null }), TIMEOUT_MS);
      socket.on("message", (msg) => {
        const text = msg.toString();
        const code = Number(/^SIP\/2\.0 (\d{3})/.exec(text)?.[1]);
        if (!code || code < 200) return;
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        clearTimeout(timer);
        const to = /^To:\s*(.+)$/im.exec(text)?.[1]?.trim() ?? `<sip:${called}@127.0.0.1>`;
        socket.send([...head("ACK", "1 ACK", to), "Content-Length: 0", "", ""].join("\r\n"), port, "127.0.0.1");
        resolve({ ms, code });
      });
      socket.send(invite, port, "127.0.0.1");
    });
  } finally {
    // Let the ACK leave before the socket closes.
    await new Promise((r) => setTimeout(r, 20));
    socket.close();
  }
}
