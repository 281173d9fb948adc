import { createSocket, type Socket } from "node:dgram";

// The caller's media side for tests and the bench: a UDP RTP endpoint on 127.0.0.1 that
// sipp advertises in its SDP. It records every PCMU/PCMA packet livekit-sip sends (sipp
// cannot record), and once told livekit-sip's RTP port it sends a steady 20 ms PCMU stream
// (silence, or queued audio), and RFC 4733 keypad events, as a real phone would.

export type Received = { seq: number; payloadType: number; payload: Buffer; at: number };

const SILENCE_ULAW = 0xff;
const SAMPLES_PER_PACKET = 160; // 20 ms at 8 kHz

export class RtpPeer {
  readonly socket: Socket;
  readonly received: Received[] = [];
  #remote: { port: number; host: string } | undefined;
  #timer: NodeJS.Timeout | undefined;
  #seq = Math.floor(Math.random() * 30_000);
  #ts = Math.floor(Math.random() * 1_000_000);
  readonly #ssrc = Math.floor(Math.random() * 0xffffffff);
  #queue: Buffer[] = [];
  #dtmf: { pt: number; digit: number; sent: number } | undefined;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on("message", (msg) => {
      if (msg.length < 12 || msg[0]! >> 6 !== 2) return;
      const cc = msg[0]! & 0x0f;
      const pt = msg[1]! & 0x7f;
      this.received.push({ seq: msg.readUInt16BE(2), payloadType: pt, payload: msg.subarray(12 + cc * 4), at: performance.now() });
    });
  }

  static async open(): Promise<RtpPeer> {
    const socket = createSocket("udp4");
    await new Promise<void>((resolve, reject) => {
      socket.once("error", reject);
      socket.bind(0, "127.0.0.1", () => resolve());
    });
    return new RtpPeer(socket);
  }

  get port(): number {
    return this.socket.address().port;
  }

  /** Starts sending to livekit-sip's RTP port (from its 200 OK). */
  start(remotePort: number): void {
    this.#remote = { port: remotePort, host: "127.0.0.1" };
    this.#timer ??= setInterval(() => this.#tick(), 20);
  }

  /** Queues 8 kHz mu-law audio to send after what is queued (silence fills the gaps). */
  play(ulaw: Buffer): void {
    for (let i = 0; i < ulaw.length; i += SAMPLES_PER_PACKET) {
      const chunk = Buffer.alloc(SAMPLES_PER_PACKET, SILENCE_ULAW);
      ulaw.copy(chunk, 0, i, Math.min(i + SAMPLES_PER_PACKET, ulaw.length));
      this.#queue.push(chunk);
    }
  }

  /** Sends one keypad press as RFC 4733 telephone-events (about 100 ms, then 3 end packets). */
  pressKey(digit: string, payloadType: number): void {
    const code = "0123456789*#".indexOf(digit);
    if (code < 0) throw new Error(`not a keypad digit: ${digit}`);
    this.#dtmf = { pt: payloadType, digit: code, sent: 0 };
  }

  #packet(pt: number, payload: Buffer, marker = false, ts = this.#ts): Buffer {
    const h = Buffer.alloc(12);
    h[0] = 0x80;
    h[1] = (marker ? 0x80 : 0) | pt;
    h.writeUInt16BE(this.#seq, 2);
    h.writeUInt32BE(ts >>> 0, 4);
    h.writeUInt32BE(this.#ssrc >>> 0, 8);
    this.#seq = (this.#seq + 1) & 0xffff;
    return Buffer.concat([h, payload]);
  }

  #tick(): void {
    if (!this.#remote) return;
    const send = (b: Buffer) => this.socket.send(b, this.#remote!.port, this.#remote!.host);
    if (this.#dtmf) {
      const d = this.#dtmf;
      const duration = (d.sent + 1) * SAMPLES_PER_PACKET;
      const end = d.sent >= 5;
      const payload = Buffer.from([d.digit, (end ? 0x80 : 0) | 10, (duration >> 8) & 0xff, duration & 0xff]);
      send(this.#packet(d.pt, payload, d.sent === 0));
      d.sent++;
      if (d.sent >= 8) {
        this.#dtmf = undefined;
        this.#ts += duration;
      }
      return;
    }
    send(this.#packet(0, this.#queue.shift() ?? Buffer.alloc(SAMPLES_PER_PACKET, SILENCE_ULAW)));
    this.#ts += SAMPLES_PER_PACKET;
  }

  /** The audio received as 8 kHz mu-law (PCMA is converted), in sequence order. */
  recordedUlaw(): Buffer {
    const audio = this.received.filter((r) => r.payloadType === 0 || r.payloadType === 8);
    return Buffer.concat(audio.map((r) => (r.payloadType === 8 ? alawToUlaw(r.payload) : r.payload)));
  }

  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }
}

function alawToUlaw(a: Buffer): Buffer {
  const out = Buffer.alloc(a.length);
  for (let i = 0; i < a.length; i++) out[i] = linearToUlaw(alawToLinear(a[i]!));
  return out;
}

export function ulawToLinear(u: number): number {
  const x = ~u & 0xff;
  const t = (((x & 0x0f) << 3) + 0x84) << ((x & 0x70) >> 4);
  return x & 0x80 ? 0x84 - t : t - 0x84;
}

function alawToLinear(a: number): number {
  const x = a ^ 0x55;
  const seg = (x & 0x70) >> 4;
  let t = (x & 0x0f) << 4;
  t = seg === 0 ? t + 8 : seg === 1 ? t + 0x108 : (t + 0x108) << (seg - 1);
  return x & 0x80 ? t : -t;
}

export function linearToUlaw(sample: number): number {
  const BIAS = 0x84;
  let s = Math.max(-32635, Math.min(32635, sample));
  const sign = s < 0 ? 0x80 : 0;
  if (s < 0) s = -s;
  s += BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (s >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}
