"use client";

import { useState } from "react";
import { BindNumberForm } from "@/components/phone-numbers/bind-number-form";
import { useInvalidatePhoneNumbers } from "@/components/phone-numbers/use-phone-numbers";
import { Button } from "@/components/ui/button";
import { Drawer } from "@/components/ui/drawer";
import type { IpMode } from "@/lib/net/ipv4";
import type { PhoneNumberWriteResult } from "@/lib/phone-numbers/view";
import type { PublicSipParameters } from "@/lib/platform/public-sip";
import type { SipAccountWriteResult } from "@/lib/sip-accounts/view";
import { CreateSipAccountForm } from "./create-sip-account-form";
import { DeleteSipAccountDialog } from "./delete-sip-account-dialog";
import { EditSipAccountForm } from "./edit-sip-account-form";
import { RefreshAllButton } from "./refresh-all-button";
import { SipAccountCard } from "./sip-account-card";
import { useInvalidateSipAccounts, useSipAccounts } from "./use-sip-accounts";

type View = { kind: "list" } | { kind: "create" } | { kind: "edit"; accountId: string } | { kind: "bind"; accountId: string };
type Notice = { tone: "ok" | "error"; text: string };

const LIVEKIT_DOWN_NOTICE =
  "Saved, but LiveKit could not be reached: the trunks were not created or updated. The console retries by itself until LiveKit is back.";
const NUMBER_NOT_PROVISIONED_NOTICE = "Saved, but the number is not provisioned in LiveKit yet";

export function CustomSipDrawer({
  spaceId,
  open,
  onClose,
  ipMode,
  platform,
  canManage,
  returnFocusRef,
}: {
  spaceId: string;
  open: boolean;
  returnFocusRef?: React.RefObject<HTMLElement | null>;
  onClose: () => void;
  ipMode: IpMode;
  platform: PublicSipParameters;
  canManage: boolean;
}) {
  const accounts = useSipAccounts(spaceId);
  const invalidate = useInvalidateSipAccounts(spaceId);
  const invalidateNumbers = useInvalidatePhoneNumbers(spaceId);
  // Account writes move their numbers too (statuses, removal on delete): refresh both lists.
  const refresh = () => Promise.all([invalidate(), invalidateNumbers()]);
  const [view, setView] = useState<View>({ kind: "list" });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  const saved = (verb: string) => async (result: SipAccountWriteResult) => {
    await refresh();
    setView({ kind: "list" });
    setNotice(result.provisioningFailed ? { tone: "error", text: LIVEKIT_DOWN_NOTICE } : { tone: "ok", text: `${result.account.accountName} was ${verb}.` });
  };

  const bound = async (result: PhoneNumberWriteResult) => {
    await refresh();
    setView({ kind: "list" });
    const { number, account, provisioning } = result.number;
    setNotice(
      result.provisioningFailed
        ? { tone: "error", text: `${NUMBER_NOT_PROVISIONED_NOTICE}: ${provisioning.reason ?? "LiveKit could not be reached."}` }
        : { tone: "ok", text: `${number} is connected to ${account.name}. Open the number to assign its agent.` },
    );
  };

  const editing = view.kind === "edit" ? accounts.data?.find((a) => a.id === view.accountId) : undefined;
  const title = { create: "Add Custom SIP account", edit: "Edit Custom SIP account", bind: "Bind a number", list: "Import number from Custom SIP" }[view.kind];

  return (
    <Drawer open={open} onClose={onClose} title={title} wide returnFocusRef={returnFocusRef}>
      {view.kind === "create" ? (
        <CreateSipAccountForm spaceId={spaceId} ipMode={ipMode} onSaved={saved("created")} onCancel={() => setView({ kind: "list" })} />
      ) : view.kind === "edit" && editing ? (
        <EditSipAccountForm spaceId={spaceId} ipMode={ipMode} account={editing} onSaved={saved("saved")} onCancel={() => setView({ kind: "list" })} />
      ) : view.kind === "bind" && accounts.data ? (
        <BindNumberForm spaceId={spaceId} accounts={accounts.data} accountId={view.accountId} onBound={bound} onCancel={() => setView({ kind: "list" })} />
      ) : (
        <div className="space-y-4">
          {notice ? (
            <p role={notice.tone === "error" ? "alert" : "status"} className={notice.tone === "error" ? "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" : "rounded-md bg-green-50 px-3 py-2 text-sm text-green-800"}>
              {notice.text}
            </p>
          ) : null}
          <div className="flex items-center justify-between">
            <p className="text-sm text-slate-600">Pick the SIP account describing your PBX, or add one.</p>
            {canManage ? (
              <Button onClick={() => { setNotice(null); setView({ kind: "create" }); }}>Add Custom SIP account</Button>
            ) : null}
          </div>
          {canManage && accounts.data && accounts.data.length > 0 ? (
            <RefreshAllButton spaceId={spaceId} accounts={accounts.data} onFinished={() => void refresh()} />
          ) : null}
          {accounts.isPending ? <p className="text-sm text-slate-500">Loading accounts…</p> : null}
          {accounts.isError ? <p role="alert" className="text-sm text-red-700">{accounts.error.message}</p> : null}
          {accounts.data?.length === 0 ? <p className="text-sm text-slate-500">No Custom SIP accounts yet.</p> : null}
          {accounts.data?.map((account) => (
            <SipAccountCard
              key={account.id}
              spaceId={spaceId}
              account={account}
              platform={platform}
              canManage={canManage}
              onEdit={() => { setNotice(null); setView({ kind: "edit", accountId: account.id }); }}
              onBind={() => { setNotice(null); setView({ kind: "bind", accountId: account.id }); }}
              onDelete={() => setDeleting(account.id)}
              onReprovisioned={async (text, failed) => {
                await refresh();
                setNotice(text ? { tone: failed ? "error" : "ok", text } : null);
              }}
            />
          ))}
        </div>
      )}
      <DeleteSipAccountDialog
        spaceId={spaceId}
        account={accounts.data?.find((a) => a.id === deleting) ?? null}
        onCancel={() => setDeleting(null)}
        onDeleted={async (name) => {
          setDeleting(null);
          await refresh();
          setNotice({ tone: "ok", text: `${name} was deleted. Remember to remove the routing to our gateway on your PBX.` });
        }}
      />
    </Drawer>
  );
}
