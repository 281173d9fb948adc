import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freeUdpPort } from "../../scripts/stack/sipp";
import { spawnSipp, untilBound } from "./pbx-uas";

// sipp as the PBX (UAS) on 127.0.0.1: challenges the INVITE with a 401 digest, checks the
// credentials, answers and hangs up after `holdMs` (or 403 on wrong credentials). One call,
// bounded. Its SDP names `rtpPort` for media: a test that listens there hears the call.

export type Uas = { port: number; done: Promise<{ exitCode: number | null; messages: string; output: string }> };

export type UasOptions = {
  /** How long the PBX stays on the line after the answer before its BYE (default 3 s). */
  holdMs?: number;
  /** Where the PBX's SDP says to send the call's audio (default: an unused port). */
  rtpPort?: number;
  timeoutSeconds?: number;
};

export async function startDigestUas(username: string, password: string, options: UasOptions = {}): Promise<Uas> {
  const timeoutSeconds = options.timeoutSeconds ?? 60;
  const dir = await mkdtemp(path.join(tmpdir(), "switchboard-uas-"));
  const csv = path.join(dir, "creds.csv");
  const trace = path.join(dir, "messages.log");
  const rtpPort = options.rtpPort ?? (await freeUdpPort());
  await writeFile(csv, `SEQUENTIAL\n${username};${password};${rtpPort};\n`);
  const port = await freeUdpPort();
  const args = [
    "-sf", path.join(import.meta.dirname, "uas-digest-answer-bye.xml"),
    "-inf", csv,
    "-m", "1",
    "-i", "127.0.0.1",
    "-mi", "127.0.0.1",
    "-p", String(port),
    "-mp", String(await freeUdpPort()),
    "-d", String(options.holdMs ?? 3000),
    "-nostdin",
    "-timeout", `${timeoutSeconds}s`,
    "-trace_msg", "-message_file", trace,
  ];
  const { done } = spawnSipp(args, dir, trace, timeoutSeconds);
  await untilBound(port, done);
  return { port, done };
}
