-- CreateIndex
CREATE INDEX "agent_sip_registrations_inbound_trunk_id_idx" ON "agent_sip_registrations"("inbound_trunk_id");
