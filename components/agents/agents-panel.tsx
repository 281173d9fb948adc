"use client";

import { useState } from "react";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { Drawer } from "@/components/ui/drawer";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { useToast } from "@/components/ui/toast";
import { agentLanguages, llmProviderLabels, speechProviderLabels, type AgentView } from "@/lib/agents/schemas";
import { AgentForm } from "./agent-form";
import { DeleteAgentDialog } from "./delete-agent-dialog";
import { useAgents } from "./use-agents";

type Editing = { kind: "new" } | { kind: "edit"; agent: AgentView } | null;

const short = (label: string) => label.replace(/ \(.*\)$/, "");

/** The Agents page: the Space's agents, a drawer to create or edit one, and delete. */
export function AgentsPanel({ spaceId, canManage }: { spaceId: string; canManage: boolean }) {
  const agents = useAgents(spaceId);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<AgentView | null>(null);
  const toast = useToast();

  const newButton = canManage ? <Button onClick={() => setEditing({ kind: "new" })}>New agent</Button> : null;
  return (
    <>
      <PageHeader title="Agents" description="The AI voice agents that answer and place calls." actions={newButton} />
      <div className="space-y-4">
        {agents.isPending ? <p className="text-sm text-slate-500">Loading agents…</p> : null}
        {agents.isError ? <p role="alert" className="text-sm text-red-700">{agents.error.message}</p> : null}
        {agents.data?.length === 0 ? (
          <EmptyState
            title="No agents yet"
            body="Agents you create here can be assigned to your phone numbers."
            action={canManage ? <Button onClick={() => setEditing({ kind: "new" })}>Create your first agent</Button> : undefined}
          />
        ) : null}
        {agents.data?.map((agent) => (
          <article key={agent.id} aria-label={agent.name} data-testid="agent-card" className="space-y-2 rounded-lg border border-slate-200 bg-white p-5">
            <header className="flex items-start justify-between gap-3">
              <div>
                <h3 className="text-base font-semibold">{agent.name}</h3>
                <p className="text-sm text-slate-600">“{agent.greeting}”</p>
              </div>
              <div className="flex gap-2">
                <Link href={`/s/${spaceId}/agents/${agent.id}/sip-registration`} className={buttonClass("secondary")}>SIP registration</Link>
                {canManage ? (
                  <>
                    <Button variant="secondary" onClick={() => setEditing({ kind: "edit", agent })}>Edit</Button>
                    <Button variant="secondary" className="text-red-700" onClick={() => setDeleting(agent)}>Delete</Button>
                  </>
                ) : null}
              </div>
            </header>
            <dl className="grid grid-cols-1 sm:grid-cols-[9rem_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-500">Language</dt>
              <dd>{agentLanguages[agent.language]}</dd>
              <dt className="text-slate-500">Voice</dt>
              <dd>{agent.voice ?? "Provider default"}</dd>
              <dt className="text-slate-500">Providers</dt>
              <dd data-testid="agent-providers">
                STT {short(speechProviderLabels[agent.sttProvider])} · LLM {short(llmProviderLabels[agent.llmProvider])} · TTS {short(speechProviderLabels[agent.ttsProvider])}
              </dd>
            </dl>
          </article>
        ))}
      </div>
      <Drawer open={editing !== null} onClose={() => setEditing(null)} title={editing?.kind === "edit" ? `Edit ${editing.agent.name}` : "New agent"} wide>
        {editing ? (
          <AgentForm
            key={editing.kind === "edit" ? editing.agent.id : "new"}
            spaceId={spaceId}
            agent={editing.kind === "edit" ? editing.agent : null}
            onCancel={() => setEditing(null)}
            onSaved={(saved) => {
              toast(`${saved.name} was ${editing.kind === "edit" ? "saved" : "created"}.`);
              setEditing(null);
            }}
          />
        ) : null}
      </Drawer>
      <DeleteAgentDialog
        spaceId={spaceId}
        agent={deleting}
        onCancel={() => setDeleting(null)}
        onDeleted={(name) => {
          setDeleting(null);
          toast(`${name} was deleted.`);
        }}
      />
    </>
  );
}
