"use client";

import { useState } from "react";
import { approveOutboundHostAction } from "@/lib/sip-accounts/actions";
import { ActionConfirmDialog } from "@/components/ui/action-confirm-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { HostOwnershipView } from "@/lib/sip-accounts/host-ownership/view";
import { sipAccountKeys } from "@/lib/http/query-keys";
import { useHostOwnership } from "./use-sip-accounts";

const card = "space-y-3 rounded-lg border border-slate-200 bg-white p-5";

/**
 * "PBX address ownership": whether calls without outbound authentication may go to the
 * account's SIP server (production), how each address was proven, the record of proofs, and
 * an owner's Approve button while an address is unproven.
 */
export function HostOwnershipPanel({ spaceId, accountId, canApprove }: { spaceId: string; accountId: string; canApprove: boolean }) {
  const query = useHostOwnership(spaceId, accountId);
  const [confirming, setConfirming] = useState(false);
  const view = query.data;
  if (!view || view.sipServerAddress === null) return null;
  const unproven = view.addresses.filter((a) => !a.proven);
  const approvable = canApprove && view.ipTrust && unproven.length > 0 && unproven.every((a) => !a.heldByAnotherSpace);

  return (
    <section aria-labelledby="host-ownership" className={card}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="host-ownership" className="text-base font-semibold">PBX address ownership</h2>
        {approvable ? <Button variant="secondary" onClick={() => setConfirming(true)}>Approve this address</Button> : null}
      </div>
      <Summary view={view} />
      {view.addresses.length > 0 ? (
        <ul className="space-y-1 text-sm">
          {view.addresses.map((a) => (
            <li key={a.address} className="flex flex-wrap items-center gap-2">
              <span className="font-mono">{a.address}</span>
              {a.proven ? (
                <Badge tone="green">{a.provenBy === "inbound_call" ? "Proven by a call" : "Approved by an owner"}</Badge>
              ) : (
                <Badge tone={a.heldByAnotherSpace ? "red" : "amber"}>{a.heldByAnotherSpace ? "Used by another Space" : "Not proven"}</Badge>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {view.proofs.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">Record of proofs ({view.proofs.length})</summary>
          <ul className="mt-2 space-y-1 text-slate-700">
            {view.proofs.map((p) => (
              <li key={`${p.address}-${p.kind}`}>
                {new Date(p.at).toLocaleString()}: <span className="font-mono">{p.address}</span>{" "}
                {p.kind === "inbound_call" ? `proven by a call to ${p.number ?? "one of the account's numbers"}` : `approved by ${p.approvedBy ?? "an owner"}`}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <ActionConfirmDialog
        open={confirming}
        title="Approve the PBX's address?"
        confirmLabel="Approve"
        failureText="The address could not be approved."
        run={() => approveOutboundHostAction(spaceId, { accountId })}
        onCancel={() => setConfirming(false)}
        invalidate={[sipAccountKeys.hostOwnership(spaceId, accountId)]}
        onDone={() => setConfirming(false)}
      >
        <p>
          You confirm that {unproven.map((a) => a.address).join(", ")} is this Space&apos;s own PBX. Calls without outbound authentication will be sent there, and the PBX will
          trust them as ours. The approval is recorded with your name. It stops counting if another Space&apos;s PBX proves the address with a call.
        </p>
      </ActionConfirmDialog>
    </section>
  );
}

function Summary({ view }: { view: HostOwnershipView }) {
  const text = !view.ipTrust
    ? "Outbound calls authenticate with the account's username and password, so the PBX checks them itself; no proof of the address is needed."
    : view.resolveError
      ? view.resolveError
      : !view.enforced
        ? "This deployment runs in local mode: calls without outbound authentication go to any address. In production they go only to addresses proven to be this account's PBX."
        : view.outboundAllowed
          ? "Calls without outbound authentication may go to this PBX: its address is proven."
          : "Outbound calls are refused until the PBX's address is proven: make one call from the PBX to a number of this account (through our SIP edge), or have a Space owner approve the address. Or set an outbound username and password.";
  return <p className={view.enforced && view.ipTrust && !view.outboundAllowed ? "rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" : "text-sm text-slate-700"}>{text}</p>;
}
