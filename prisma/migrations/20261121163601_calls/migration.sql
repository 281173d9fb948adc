-- CreateEnum
CREATE TYPE "call_direction" AS ENUM ('inbound', 'outbound');

-- CreateEnum
CREATE TYPE "call_status" AS ENUM ('queued', 'dialing', 'ringing', 'in_progress', 'completed', 'failed', 'busy', 'no_answer');

-- CreateTable
CREATE TABLE "calls" (
    "id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "direction" "call_direction" NOT NULL,
    "from_number" TEXT NOT NULL,
    "to_number" TEXT NOT NULL,
    "phone_number_id" TEXT,
    "sip_account_id" TEXT,
    "agent_id" TEXT,
    "status" "call_status" NOT NULL DEFAULT 'queued',
    "sip_status_code" INTEGER,
    "failure_reason" TEXT,
    "room_name" TEXT,
    "participant_identity" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "answered_at" TIMESTAMP(3),
    "ended_at" TIMESTAMP(3),
    "duration_seconds" INTEGER,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_events" (
    "id" TEXT NOT NULL,
    "call_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "calls_room_name_key" ON "calls"("room_name");

-- CreateIndex
CREATE INDEX "calls_space_id_created_at_idx" ON "calls"("space_id", "created_at");

-- CreateIndex
CREATE INDEX "calls_space_id_status_created_at_idx" ON "calls"("space_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "calls_phone_number_id_idx" ON "calls"("phone_number_id");

-- CreateIndex
CREATE INDEX "calls_sip_account_id_idx" ON "calls"("sip_account_id");

-- CreateIndex
CREATE INDEX "calls_agent_id_idx" ON "calls"("agent_id");

-- CreateIndex
CREATE INDEX "call_events_call_id_at_idx" ON "call_events"("call_id", "at");

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_phone_number_id_fkey" FOREIGN KEY ("phone_number_id") REFERENCES "phone_numbers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_sip_account_id_fkey" FOREIGN KEY ("sip_account_id") REFERENCES "sip_accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_events" ADD CONSTRAINT "call_events_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;
