import { ServerError } from "livekit-server-sdk";
import { SIPDispatchRule, SIPDispatchRuleIndividual, SIPDispatchRuleInfo } from "@livekit/protocol";
import type { CreateSipDispatchRuleOptions, ListSipDispatchRuleOptions, SipDispatchRuleIndividual } from "livekit-server-sdk";
import type { LiveKitClients } from "../client";

// An in-memory stand-in for LiveKit's dispatch-rule API, for unit tests only (integration
// and end-to-end tests use the real server). It keeps what LiveKit keeps and records every
// write, so tests can assert "updated in place" and "nothing written".

export type FakeDispatchRules = {
  lk: LiveKitClients;
  rules: Map<string, SIPDispatchRuleInfo>;
  writes: string[];
  /** Makes the next matching write fail like LiveKit would. */
  failNext(method: "create" | "update" | "delete", error: Error): void;
  /** Adds a rule directly, as if made by someone else or by an earlier crashed run. */
  seed(info: Partial<SIPDispatchRuleInfo> & { trunkIds: string[] }): string;
};

export function fakeDispatchRules(): FakeDispatchRules {
  const rules = new Map<string, SIPDispatchRuleInfo>();
  const writes: string[] = [];
  const failures = new Map<string, Error>();
  let next = 1;
  const fail = (method: string) => {
    const err = failures.get(method);
    if (err) {
      failures.delete(method);
      throw err;
    }
  };
  const store = (info: SIPDispatchRuleInfo) => {
    rules.set(info.sipDispatchRuleId, info.clone());
    return info.clone();
  };
  const sip = {
    async createSipDispatchRule(rule: SipDispatchRuleIndividual, opts: CreateSipDispatchRuleOptions = {}) {
      fail("create");
      const id = `SDR_${next++}`;
      writes.push(`create ${id}`);
      return store(
        new SIPDispatchRuleInfo({
          sipDispatchRuleId: id,
          rule: new SIPDispatchRule({ rule: { case: "dispatchRuleIndividual", value: new SIPDispatchRuleIndividual({ roomPrefix: rule.roomPrefix }) } }),
          trunkIds: opts.trunkIds ?? [],
          name: opts.name ?? "",
          metadata: opts.metadata ?? "",
          roomConfig: opts.roomConfig,
        }),
      );
    },
    async updateSipDispatchRule(id: string, info: SIPDispatchRuleInfo) {
      fail("update");
      if (!rules.has(id)) throw new ServerError("Not Found", "rule not found", 404, "not_found");
      writes.push(`update ${id}`);
      return store(new SIPDispatchRuleInfo({ ...info, sipDispatchRuleId: id }));
    },
    async listSipDispatchRule(opts: ListSipDispatchRuleOptions = {}) {
      if (opts.dispatchRuleIds) return opts.dispatchRuleIds.map((id) => rules.get(id)?.clone() ?? new SIPDispatchRuleInfo());
      const all = [...rules.values()].map((r) => r.clone());
      const wanted = opts.trunkIds;
      return wanted ? all.filter((r) => r.trunkIds.length === 0 || r.trunkIds.some((t) => wanted.includes(t))) : all;
    },
    async deleteSipDispatchRule(id: string) {
      fail("delete");
      if (!rules.has(id)) throw new ServerError("Not Found", "rule not found", 404, "not_found");
      writes.push(`delete ${id}`);
      const info = rules.get(id)!;
      rules.delete(id);
      return info;
    },
  };
  return {
    lk: { sip } as unknown as LiveKitClients,
    rules,
    writes,
    failNext: (method, error) => failures.set(method, error),
    seed(info) {
      const id = `SDR_seed_${next++}`;
      rules.set(id, new SIPDispatchRuleInfo({ rule: new SIPDispatchRule({ rule: { case: "dispatchRuleIndividual", value: new SIPDispatchRuleIndividual({ roomPrefix: "x" }) } }), ...info, sipDispatchRuleId: id }));
      return id;
    },
  };
}

/** What LiveKit throws when it answers with an error (the text may name other objects). */
export function livekitAnswered(status: number, message: string, code = "invalid_argument"): Error {
  return new ServerError("Bad Request", message, status, code);
}

/** What a call throws when LiveKit does not answer at all. */
export function livekitUnreachable(): Error {
  return new TypeError("fetch failed");
}
