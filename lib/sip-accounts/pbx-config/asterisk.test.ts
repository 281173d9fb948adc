import { describe, expect, it } from "vitest";
import { ASTERISK_INBOUND_CONTEXT, asteriskDialplan, asteriskPjsipConf } from "./asterisk";
import { INBOUND_PASSWORD_PLACEHOLDER, OUTBOUND_PASSWORD_PLACEHOLDER } from "./input";
import { digestBothWays, ipTrustInboundOnly } from "./test-accounts";

type Section = { name: string; entries: [string, string][]; values: Record<string, string> };

/** Asterisk's config syntax as far as the generator uses it: `[section]`, `key=value`, `;` comments unless escaped as `\;` (the only escape it reads). */
function parseAsteriskConf(text: string): Section[] {
  const sections: Section[] = [];
  for (const raw of text.split("\n")) {
    let line = "";
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] === "\\" && raw[i + 1] === ";") line += raw[++i] ?? "";
      else if (raw[i] === ";") break;
      else line += raw[i];
    }
    line = line.trim();
    if (line === "") continue;
    const head = /^\[([^\]]+)\]$/.exec(line);
    if (head) {
      sections.push({ name: head[1] ?? "", entries: [], values: {} });
      continue;
    }
    const eq = line.indexOf("=");
    const current = sections.at(-1);
    if (eq < 1 || !current) throw new Error(`not a key=value line inside a section: ${raw}`);
    const key = line.slice(0, eq).trim();
    // `exten => ...` in extensions.conf is `=` followed by `>`.
    const value = line.slice(eq + 1).replace(/^>/, "").trim();
    current.entries.push([key, value]);
    if (key in current.values) current.values[key] = "<repeated>";
    else current.values[key] = value;
  }
  return sections;
}

const byType = (sections: Section[], type: string) => sections.filter((s) => s.values.type === type);

/** The one section of a type; fails the test when there is none or several. */
function only(sections: Section[], type: string): Section {
  const found = byType(sections, type);
  if (found.length !== 1 || !found[0]) throw new Error(`expected one ${type} section, found ${found.length}`);
  return found[0];
}

describe("asteriskPjsipConf", () => {
  it("describes a registration-free trunk with every value from the account", () => {
    const text = asteriskPjsipConf(digestBothWays);
    // Written as Asterisk must read it: an unescaped `;` would cut the value there.
    expect(text).toContain("contact=sip:livekit-sip.example.com:5060\\;transport=tcp\n");
    expect(text).toContain("username=pbx\\;in&<x>\n");
    const sections = parseAsteriskConf(text);
    expect(new Set(sections.map((s) => s.name)).size).toBe(sections.length);
    expect(Object.values(sections.flatMap((s) => Object.values(s.values)))).not.toContain("<repeated>");
    expect(sections.map((s) => s.values.type).sort()).toEqual(["aor", "auth", "auth", "endpoint", "identify"]);
    expect(byType(sections, "registration")).toEqual([]);

    const endpoint = only(sections, "endpoint");
    expect(endpoint.name).toBe("switchboard-mango-office");
    expect(endpoint.values.context).toBe(ASTERISK_INBOUND_CONTEXT);

    const aor = only(sections, "aor");
    expect(endpoint.values.aors).toBe(aor.name);
    expect(aor.values.contact).toBe("sip:livekit-sip.example.com:5060;transport=tcp");

    const identify = only(sections, "identify");
    expect(identify.values.endpoint).toBe(endpoint.name);
    expect(identify.values.match).toBe("78.47.123.164,78.47.123.165");

    const auths = Object.fromEntries(byType(sections, "auth").map((s) => [s.name, s.values]));
    // The PBX presents the inbound credentials to us, and challenges ours with the outbound ones.
    expect(auths[endpoint.values.outbound_auth ?? ""]).toEqual({ type: "auth", auth_type: "userpass", username: "pbx;in&<x>", password: INBOUND_PASSWORD_PLACEHOLDER });
    expect(auths[endpoint.values.auth ?? ""]).toEqual({ type: "auth", auth_type: "userpass", username: "livekit-out", password: OUTBOUND_PASSWORD_PLACEHOLDER });
  });

  it("leaves out auth and identify when the account uses neither", () => {
    const sections = parseAsteriskConf(asteriskPjsipConf(ipTrustInboundOnly));
    expect(sections.map((s) => s.values.type)).toEqual(["endpoint", "aor"]);
    const endpoint = only(sections, "endpoint");
    const aor = only(sections, "aor");
    expect(endpoint.name).toBe("switchboard-2");
    expect(endpoint.values.auth).toBeUndefined();
    expect(endpoint.values.outbound_auth).toBeUndefined();
    expect(aor.values.contact).toBe("sip:livekit-sip.example.com:5060");
  });
});

describe("asteriskDialplan", () => {
  it("dials each bound number, with its +, through the trunk", () => {
    const sections = parseAsteriskConf(asteriskDialplan(digestBothWays));
    expect(sections).toHaveLength(1);
    const dials = (sections[0]?.entries ?? []).map(([key, value]) => {
      expect(key).toBe("exten");
      const [extension = "", priority = ""] = value.split(",", 2);
      const dial = /^Dial\(PJSIP\/([^@]+)@([^,]+),\d+\)$/.exec(value.slice(`${extension},${priority},`.length));
      return { extension, priority, number: dial?.[1], endpoint: dial?.[2] };
    });
    const endpoint = parseAsteriskConf(asteriskPjsipConf(digestBothWays)).find((s) => s.values.type === "endpoint")?.name;
    expect(dials).toEqual(digestBothWays.numbers.map((n) => ({ extension: n, priority: "1", number: n, endpoint })));
  });

  it("uses a pattern keeping the + until a number is bound", () => {
    expect(asteriskDialplan(ipTrustInboundOnly)).toContain("exten => _+X.,1,Dial(PJSIP/${EXTEN}@switchboard-2,60)");
  });
});
