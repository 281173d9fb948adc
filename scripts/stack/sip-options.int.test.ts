import { spawn } from "node:child_process";
import { createSocket } from "node:dgram";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// sipp plays the customer's PBX: one OPTIONS from 127.0.0.1 to livekit-sip on SIP_PORT.
// The scenario (scripts/stack/sipp/options.xml) accepts only a 200; on top of sipp's exit
// status the test reads the status line sipp actually received from its message trace.

const scenario = path.join(import.meta.dirname, "sipp", "options.xml");

function sipPort(): number {
  const v = process.env.SIP_PORT;
  if (!v) throw new Error("SIP_PORT is not set: start the stack (scripts/stack/up.sh) and export its env (scripts/stack/env.sh)");
  return Number(v);
}

async function freeUdpPort(): Promise<number> {
  const s = createSocket("udp4");
  await new Promise<void>((resolve) => s.bind(0, "127.0.0.1", resolve));
  const { port } = s.address();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

type SippResult = { exitCode: number | null; statusLines: string[]; output: string };

let dir: string;

async function sippOptions(targetPort: number): Promise<SippResult> {
  const csv = path.join(dir, "users.csv");
  const trace = path.join(dir, `messages-${targetPort}.log`);
  await writeFile(csv, "SEQUENTIAL\nswitchboard-probe;\n");
  const args = [
    `127.0.0.1:${targetPort}`,
    "-sf", scenario,
    "-inf", csv,
    "-m", "1",
    "-i", "127.0.0.1",
    "-p", String(await freeUdpPort()),
    "-nostdin",
    "-timeout", "15s",
    "-trace_msg", "-message_file", trace,
  ];
  const child = spawn("sipp", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr.on("data", (b: Buffer) => (output += b.toString()));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  const messages = await readFile(trace, "utf8").catch(() => "");
  const statusLines = messages.split(/\r?\n/).filter((l) => l.startsWith("SIP/2.0 "));
  return { exitCode, statusLines, output };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "switchboard-sipp-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("livekit-sip answers SIP OPTIONS", () => {
  it("with 200 OK on SIP_PORT", async () => {
    const r = await sippOptions(sipPort());
    expect(r.statusLines, r.output).toEqual(["SIP/2.0 200 OK"]);
    expect(r.exitCode, r.output).toBe(0);
  });

  it("and the probe fails when nothing answers (control: the check can fail)", async () => {
    const r = await sippOptions(await freeUdpPort());
    expect(r.statusLines).toEqual([]);
    expect(r.exitCode).not.toBe(0);
  });
});
