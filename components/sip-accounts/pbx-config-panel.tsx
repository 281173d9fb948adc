"use client";

import * as Tabs from "@radix-ui/react-tabs";
import { CopyButton } from "@/components/ui/copy-button";
import { asteriskDialplan, asteriskPjsipConf } from "@/lib/sip-accounts/pbx-config/asterisk";
import { freeswitchGatewayXml } from "@/lib/sip-accounts/pbx-config/freeswitch";
import { cloudPbxGuide, freepbxGuide, guideText, threeCxGuide, type PbxGuide } from "@/lib/sip-accounts/pbx-config/guides";
import { authModes, INBOUND_PASSWORD_PLACEHOLDER, OUTBOUND_PASSWORD_PLACEHOLDER, trunkName, type PbxConfigInput } from "@/lib/sip-accounts/pbx-config/input";
import { iptablesRules } from "@/lib/sip-accounts/pbx-config/iptables";

function ConfigBlock({ title, file, text }: { title: string; file?: string; text: string }) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-medium text-slate-800">
          {title}
          {file ? <span className="ml-2 font-mono text-xs font-normal text-slate-500">{file}</span> : null}
        </h3>
        <CopyButton value={text} label={title} />
      </div>
      <pre tabIndex={0} aria-label={title} className="max-h-96 overflow-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-100">
        {text}
      </pre>
    </div>
  );
}

function GuideBlock({ guide }: { guide: PbxGuide }) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-medium text-slate-800">{guide.where}</h3>
        <CopyButton value={guideText(guide)} label={`${guide.title} guide`} />
      </div>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1.5 rounded-md border border-slate-200 p-3 text-sm sm:grid-cols-[16rem_minmax(0,1fr)]">
        {guide.fields.map((f) => (
          <div key={f.field} className="contents">
            <dt className="text-slate-500">{f.field}</dt>
            <dd className="break-words font-mono text-xs text-slate-900 sm:text-sm">{f.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

const tabClass =
  "shrink-0 whitespace-nowrap border-b-2 border-transparent px-1 pb-2 text-sm font-medium text-slate-600 hover:text-slate-900 data-[state=active]:border-brand-600 data-[state=active]:text-brand-700";

/** Ready-to-paste PBX configuration from the account's own values; passwords as placeholders. */
export function PbxConfigPanel({ input }: { input: PbxConfigInput }) {
  const auth = authModes(input.account);
  const placeholders = [auth.inbound ? INBOUND_PASSWORD_PLACEHOLDER : null, auth.outbound ? OUTBOUND_PASSWORD_PLACEHOLDER : null].filter((p) => p !== null);
  const tabs = [
    {
      id: "asterisk",
      label: "Asterisk",
      body: (
        <>
          <ConfigBlock title="Asterisk pjsip.conf" file="/etc/asterisk/pjsip.conf" text={asteriskPjsipConf(input)} />
          <ConfigBlock title="Asterisk dialplan" file="/etc/asterisk/extensions.conf" text={asteriskDialplan(input)} />
        </>
      ),
    },
    { id: "freeswitch", label: "FreeSWITCH", body: <ConfigBlock title="FreeSWITCH gateway" file={`sip_profiles/external/${trunkName(input.account)}.xml`} text={freeswitchGatewayXml(input)} /> },
    { id: "freepbx", label: "FreePBX", body: <GuideBlock guide={freepbxGuide(input)} /> },
    { id: "3cx", label: "3CX", body: <GuideBlock guide={threeCxGuide(input)} /> },
    { id: "cloud", label: "Cloud PBX", body: <GuideBlock guide={cloudPbxGuide(input)} /> },
    { id: "firewall", label: "Firewall", body: <ConfigBlock title="iptables rules" text={iptablesRules(input)} /> },
  ];
  return (
    <section aria-labelledby="pbx-config" className="space-y-3">
      <h2 id="pbx-config" className="text-base font-semibold">PBX config</h2>
      <p className="text-sm text-slate-600">
        Generated from this account&apos;s values and our public side. Passwords never leave the console:
        {placeholders.length > 0 ? (
          <> replace {placeholders.map((p, i) => <span key={p}>{i > 0 ? " and " : ""}<code className="rounded bg-slate-100 px-1">{p}</code></span>)} with the passwords you set on this account.</>
        ) : (
          <> this account uses none (IP-trust), so there is nothing to fill in.</>
        )}
      </p>
      <Tabs.Root defaultValue="asterisk">
        <Tabs.List aria-label="PBX" className="flex gap-4 overflow-x-auto border-b border-slate-200">
          {tabs.map((t) => (
            <Tabs.Trigger key={t.id} value={t.id} className={tabClass}>{t.label}</Tabs.Trigger>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Content key={t.id} value={t.id} className="mt-4 space-y-4 focus:outline-none">{t.body}</Tabs.Content>
        ))}
      </Tabs.Root>
    </section>
  );
}
