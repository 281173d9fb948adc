"use client";

import { useState } from "react";
import { deleteAgentAction } from "@/app/(console)/s/[spaceId]/agents/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/ui/form-error";
import type { AgentView } from "@/lib/agents/schemas";

export function DeleteAgentDialog({ spaceId, agent, onDeleted, onCancel }: { spaceId: string; agent: AgentView | null; onDeleted: (name: string) => void; onCancel: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <ConfirmDialog
      open={agent !== null}
      title={`Delete ${agent?.name ?? "agent"}?`}
      confirmLabel="Delete agent"
      danger
      busy={busy}
      onCancel={() => {
        setError(null);
        onCancel();
      }}
      onConfirm={async () => {
        if (!agent) return;
        setBusy(true);
        setError(null);
        const result = await deleteAgentAction(spaceId, { agentId: agent.id });
        setBusy(false);
        if (!result.ok) return setError(result.formError ?? "The agent could not be deleted.");
        onDeleted(agent.name);
      }}
    >
      <FormError message={error} />
      <p>The agent&apos;s greeting, instructions and provider choices are deleted. An agent that numbers still use cannot be deleted.</p>
    </ConfirmDialog>
  );
}
