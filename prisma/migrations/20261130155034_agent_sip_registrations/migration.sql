-- CreateEnum
CREATE TYPE "SipRegistrationStatus" AS ENUM ('not_registered', 'pending', 'registered', 'auth_failed', 'failed');

-- CreateTable
CREATE TABLE "agent_sip_registrations" (
    "id" TEXT NOT NULL,
    "agent_id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "password_enc" TEXT NOT NULL,
    "proxy" TEXT,
    "port" INTEGER,
    "transport" TEXT NOT NULL DEFAULT 'udp',
    "auth_username" TEXT,
    "did" TEXT,
    "x_dest_user" TEXT,
    "contact_user" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "status" "SipRegistrationStatus" NOT NULL DEFAULT 'pending',
    "last_code" INTEGER,
    "last_reason" TEXT,
    "expires_at" TIMESTAMP(3),
    "last_attempt_at" TIMESTAMP(3),
    "retry_at" TIMESTAMP(3),
    "failures" INTEGER NOT NULL DEFAULT 0,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "inbound_trunk_id" TEXT,
    "dispatch_rule_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "agent_sip_registrations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "agent_sip_registrations_agent_id_key" ON "agent_sip_registrations"("agent_id");

-- CreateIndex
CREATE UNIQUE INDEX "agent_sip_registrations_did_key" ON "agent_sip_registrations"("did");

-- CreateIndex
CREATE UNIQUE INDEX "agent_sip_registrations_contact_user_key" ON "agent_sip_registrations"("contact_user");

-- CreateIndex
CREATE INDEX "agent_sip_registrations_space_id_idx" ON "agent_sip_registrations"("space_id");

-- AddForeignKey
ALTER TABLE "agent_sip_registrations" ADD CONSTRAINT "agent_sip_registrations_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_sip_registrations" ADD CONSTRAINT "agent_sip_registrations_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
