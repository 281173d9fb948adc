import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freeUdpPort } from "../../scripts/stack/sipp";
import { spawnSipp, untilBound } from "./pbx-uas";

// sipp as the customer's PBX registrar for an agent's extension (pbx-registrar.xml): it
// challenges, accepts the right digest for `expires` seconds, refuses a wrong one with 403,
// and records each accepted Contact, which is what the PBX later sends INVITEs to.

export type RegisterSeen = { withDigest: boolean; expires: string };

export type Registrar = {
  port: number;
  /** Every REGISTER received so far, in order. */
  requests: () => Promise<RegisterSeen[]>;
  /** The Contact URIs accepted so far (one per successful REGISTER, refreshes included). */
  accepted: () => Promise<string[]>;
  /** Stops sipp (requests() and accepted() keep their last answer). */
  stop: () => Promise<void>;
};

export async function startRegistrar(opts: { user: string; password: string; expires: number; timeoutSeconds?: number }): Promise<Registrar> {
  const timeoutSeconds = opts.timeoutSeconds ?? 120;
  const dir = await mkdtemp(path.join(tmpdir(), "switchboard-registrar-"));
  const template = await readFile(path.join(import.meta.dirname, "pbx-registrar.xml"), "utf8");
  const scenario = path.join(dir, "scenario.xml");
  await writeFile(scenario, template.replaceAll("{{EXPIRES}}", String(opts.expires)));
  const trace = path.join(dir, "messages.log");
  const log = path.join(dir, "registered.log");
  const port = await freeUdpPort();
  const args = [
    "-sf", scenario, "-i", "127.0.0.1", "-p", String(port), "-mi", "127.0.0.1", "-mp", String(await freeUdpPort()),
    "-key", "user", opts.user, "-key", "pass", opts.password,
    "-nostdin", "-timeout", `${timeoutSeconds}s`, "-trace_msg", "-message_file", trace,
  ];
  // Read the logs before spawnSipp's clean-up removes the directory.
  let lastRequests: RegisterSeen[] = [];
  const requests = async () => {
    const text = await readFile(path.join(dir, "requests.log"), "utf8").catch(() => null);
    if (text !== null) {
      lastRequests = text.split("\n").filter(Boolean).map((line) => {
        const [auth, expires] = line.trim().split(/\s+/);
        return { withDigest: auth === "Digest", expires: expires ?? "" };
      });
    }
    return lastRequests;
  };
  let lastAccepted: string[] = [];
  const accepted = async () => {
    const text = await readFile(log, "utf8").catch(() => null);
    if (text !== null) lastAccepted = text.split("\n").map((l) => l.trim().replace(/^<|>$/g, "")).filter(Boolean);
    return lastAccepted;
  };
  const { done, stop } = spawnSipp(args, dir, trace, timeoutSeconds);
  await untilBound(port, done);
  return {
    port,
    requests,
    accepted,
    stop: async () => {
      await accepted();
      await requests();
      stop();
      await done;
    },
  };
}

