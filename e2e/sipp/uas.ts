import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freeUdpPort } from "../../scripts/stack/sipp";

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
  const child = spawn("sipp", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr.on("data", (b: Buffer) => (output += b.toString()));
  const killer = setTimeout(() => child.kill("SIGKILL"), (timeoutSeconds + 5) * 1000);
  const done = new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  })
    .finally(() => clearTimeout(killer))
    .then(async (exitCode) => {
      const messages = await readFile(trace, "utf8").catch(() => "");
      await rm(dir, { recursive: true, force: true });
      return { exitCode, messages, output: output.slice(-4000) };
    });
  // Give sipp a moment to bind its port.
  await new Promise((r) => setTimeout(r, 300));
  return { port, done };
}
