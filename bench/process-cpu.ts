import { readdirSync, readFileSync } from "node:fs";

// Where a phase's CPU went: CPU time of this machine's processes by role, read from /proc
// before and after. The benchmarks here share two cores between every part of the stack, so
// a rate alone cannot say which part is the bottleneck.

type Sample = Map<string, number>;

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** The role a benchmark reports a process under, or null to leave it out. */
function roleOf(pid: string, comm: string): string | null {
  if (pid === String(process.pid)) return "bench";
  if (comm === "postgres") return "PostgreSQL";
  if (comm === "redis-server") return "Redis";
  if (comm === "livekit-sip") return "livekit-sip";
  if (comm === "sipp") return "sipp";
  const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  if (cmdline.includes("/livekit-server-")) return "livekit-server";
  if (cmdline.includes("dispatcher/main.ts")) return "dispatcher";
  return null;
}

/** CPU milliseconds used so far by each role's processes that are running now. */
export function sampleCpu(): Sample {
  const byRole: Sample = new Map();
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const role = roleOf(pid, stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")));
      if (!role) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      byRole.set(role, (byRole.get(role) ?? 0) + (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return byRole;
}

/**
 * "livekit-server 40, livekit-sip 29, ..." ms of CPU per call between two samples. A process
 * that ended between them (a stopped dispatcher) is missing from `after`: sample before stopping.
 */
export function cpuPerCall(before: Sample, after: Sample, calls: number): string {
  return [...after]
    .map(([role, ms]) => [role, (ms - (before.get(role) ?? 0)) / calls] as const)
    .filter(([, ms]) => ms >= 0.5)
    .sort((a, b) => b[1] - a[1])
    .map(([role, ms]) => `${role} ${ms.toFixed(0)}`)
    .join(", ");
}
