import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freeUdpPort, SIPP_SCENARIOS } from "@/scripts/stack/sipp";

// The flood half of bench/sip-edge.ts: sipp senders, each from its own loopback address (the
// edge's pike limit is per address, so one sender alone would mostly be dropped), offering
// INVITEs for a number nobody bound at a fixed rate. Each must get its 404 within 1 s
// (invite-refused.xml); sipp's own counters say how many did. Bounded by count and time.

export type FloodResult = { offered: number; refusedInTime: number; failed: number; seconds: number };

/** sipp's final screen: the cumulative column of one counter row. */
function counter(screen: string, row: string): number {
  const lines = screen.split("\n").filter((l) => l.includes(row));
  const last = lines.at(-1)?.split("|").map((c) => c.trim()).filter(Boolean).at(-1);
  return Number(last) || 0;
}

function sender(sipPort: number, csv: string, localIp: string, rate: number, count: number, dir: string): Promise<{ ok: number; failed: number }> {
  return new Promise((resolve, reject) => {
    void freeUdpPort().then((localPort) => {
      const args = [
        `127.0.0.1:${sipPort}`, "-sf", path.join(SIPP_SCENARIOS, "invite-refused.xml"), "-inf", csv,
        "-i", localIp, "-p", String(localPort), "-r", String(rate), "-m", String(count), "-l", String(rate * 2),
        "-nostdin", "-timeout", `${Math.ceil(count / rate) + 20}s`, "-timeout_error",
      ];
      const child = spawn("sipp", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
      let screen = "";
      child.stdout.on("data", (b: Buffer) => (screen = (screen + b.toString()).slice(-20_000)));
      child.on("error", reject);
      child.on("close", () => resolve({ ok: counter(screen, "Successful call"), failed: counter(screen, "Failed call") }));
    });
  });
}

/** `senders` × `rate` INVITEs per second for `seconds`, to `sipPort`, for `unboundNumber`. */
export async function flood(sipPort: number, unboundNumber: string, opts: { senders: number; rate: number; seconds: number }): Promise<FloodResult> {
  const dir = await mkdtemp(path.join(tmpdir(), "sb-flood-"));
  try {
    const csv = path.join(dir, "fields.csv");
    await writeFile(csv, `SEQUENTIAL\n${unboundNumber};+15550109999;\n`);
    const count = opts.rate * opts.seconds;
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: opts.senders }, (_, i) => sender(sipPort, csv, `127.0.${200 + Math.floor(i / 250)}.${(i % 250) + 1}`, opts.rate, count, dir)));
    const seconds = (performance.now() - started) / 1000;
    return { offered: count * opts.senders, refusedInTime: results.reduce((n, r) => n + r.ok, 0), failed: results.reduce((n, r) => n + r.failed, 0), seconds };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
