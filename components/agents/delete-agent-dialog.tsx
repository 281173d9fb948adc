"use client";

import { deleteAgentAction } from "@/lib/agents/actions";
import { ActionConfirmDialog } from "@/components/ui/action-confirm-dialog";
import type { AgentView } from "@/lib/agents/schemas";
import { agentKeys } from "@/lib/http/query-keys";

export function DeleteAgentDialog({ spaceId, agent, onDeleted, onCancel }: { spaceId: string; agent: AgentView | null; onDeleted: (name: string) => void; onCancel: () => void }) {
  return (
    <ActionConfirmDialog
      open={agent !== null}
      title={`Delete ${agent?.name ?? "agent"}?`}
      confirmLabel="Delete agent"
      failureText="The agent could not be deleted."
      run={() => deleteAgentAction(spaceId, { agentId: agent?.id ?? "" })}
      invalidate={[agentKeys.all(spaceId)]}
      onDone={() => onDeleted(agent?.name ?? "")}
      onCancel={onCancel}
    >
      <p>The agent&apos;s greeting, instructions and provider choices are deleted. An agent that numbers still use cannot be deleted.</p>
    </ActionConfirmDialog>
  );
}
