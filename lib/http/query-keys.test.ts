import { describe, expect, it } from "vitest";
import * as keys from "./query-keys";

// A write invalidates a domain's `all` key; TanStack Query matches by prefix, so every view of
// the domain must start with it, or that view would keep showing what the write changed.

type Factory = Record<string, (...args: never[]) => readonly unknown[]>;
const domains = Object.entries(keys as unknown as Record<string, Factory>);
const make = (f: Factory[string], ...args: unknown[]) => (f as (...a: unknown[]) => readonly unknown[])(...args);

describe("query keys", () => {
  it.each(domains)("every %s key starts with its `all` key", (_name, factory) => {
    const all = make(factory.all!, "space-1");
    for (const [view, f] of Object.entries(factory)) expect(make(f, "space-1", "id-1", {}).slice(0, all.length), view).toEqual(all);
  });

  it("keeps domains and Spaces apart", () => {
    const roots = domains.map(([, f]) => make(f.all!, "s")[0]);
    expect(new Set(roots).size).toBe(roots.length);
    expect(keys.agentKeys.list("a")).not.toEqual(keys.agentKeys.list("b"));
  });

  it("tells a call list's filters apart", () => {
    expect(keys.callKeys.list("s", { status: "failed" })).not.toEqual(keys.callKeys.list("s", { status: "completed" }));
  });
});
