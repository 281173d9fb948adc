import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { freeUdpPort } from "../../scripts/stack/sipp";
import { distinctInvites, spawnSipp, untilBound } from "./pbx-uas";

// A PBX that routes a call for one of its numbers straight back to us, as the round-trip
// self-test expects: two sipp twins joined by sipp's 3PCC link. Side A (the SIP server the
// account points at) takes our outbound call with a digest challenge; side B sends the call
// back in to the SIP edge and reports the outcome to A, which answers or fails our leg alike.

export type LoopPbxOptions = {
  username: string;
  password: string;
  /** Where B sends the call back in (the SIP edge). */
  edgePort: number;
  /** Put in front of the number on the way back: a PBX that mangles the number. */
  dialPrefix?: string;
  timeoutSeconds?: number;
};

export type LoopPbx = {
  /** A's SIP port on 127.0.0.1: the account's SIP server address. */
  port: number;
  /** Both twins' outcomes: how many INVITEs A received from us, and B's trace. */
  done: Promise<{ invitesToPbx: number; outOutput: string; backMessages: string; backOutput: string }>;
  stop: () => void;
};

export async function startLoopPbx(options: LoopPbxOptions): Promise<LoopPbx> {
  const timeoutSeconds = options.timeoutSeconds ?? 90;
  const twinPort = await freeTcpPort();
  const fill = async (file: string, dir: string) => {
    const template = await readFile(path.join(import.meta.dirname, file), "utf8");
    const out = path.join(dir, file);
    await writeFile(
      out,
      template
        .replaceAll("{{USERNAME}}", options.username)
        .replaceAll("{{PASSWORD}}", options.password)
        .replaceAll("{{DIAL_PREFIX}}", options.dialPrefix ?? "")
        .replaceAll("{{RTP_PORT}}", String(await freeUdpPort())),
    );
    return out;
  };

  // B listens for its twin, so it starts first.
  const backDir = await mkdtemp(path.join(tmpdir(), "switchboard-loop-b-"));
  const backPort = await freeUdpPort();
  const back = spawnSipp(
    [`127.0.0.1:${options.edgePort}`, "-sf", await fill("pbx-loop-back.xml", backDir), "-3pcc", `127.0.0.1:${twinPort}`, "-i", "127.0.0.1", "-p", String(backPort), "-mp", String(await freeUdpPort()), "-m", "1", "-nostdin", "-timeout", `${timeoutSeconds}s`, "-trace_msg", "-message_file", path.join(backDir, "messages.log")],
    backDir,
    path.join(backDir, "messages.log"),
    timeoutSeconds,
  );
  await untilBound(backPort, back.done);

  const outDir = await mkdtemp(path.join(tmpdir(), "switchboard-loop-a-"));
  const outPort = await freeUdpPort();
  const out = spawnSipp(
    ["-sf", await fill("pbx-loop-out.xml", outDir), "-3pcc", `127.0.0.1:${twinPort}`, "-i", "127.0.0.1", "-mi", "127.0.0.1", "-p", String(outPort), "-mp", String(await freeUdpPort()), "-m", "1", "-nostdin", "-timeout", `${timeoutSeconds}s`, "-trace_msg", "-message_file", path.join(outDir, "messages.log")],
    outDir,
    path.join(outDir, "messages.log"),
    timeoutSeconds,
  );
  await untilBound(outPort, out.done);

  const done = Promise.all([out.done, back.done]).then(([a, b]) => ({ invitesToPbx: distinctInvites(a.messages), outOutput: a.output, backMessages: b.messages, backOutput: b.output }));
  return {
    port: outPort,
    done,
    stop: () => {
      out.stop();
      back.stop();
    },
  };
}

/** A TCP port nobody listens on now (the twins' 3PCC link is TCP). */
function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
