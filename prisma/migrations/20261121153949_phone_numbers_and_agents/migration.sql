-- CreateTable
CREATE TABLE "phone_numbers" (
    "id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "sip_account_id" TEXT NOT NULL,
    "e164" TEXT NOT NULL,
    "live_e164" TEXT,
    "label" TEXT,
    "inbound_agent_id" TEXT,
    "outbound_agent_id" TEXT,
    "dispatch_rule_id" TEXT,
    "provisioning_status" "provisioning_status" NOT NULL DEFAULT 'pending',
    "provisioning_error" TEXT,
    "provisioned_at" TIMESTAMP(3),
    "unbound_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "phone_numbers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agents" (
    "id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "greeting" TEXT NOT NULL,
    "instructions" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "voice" TEXT,
    "stt_provider" TEXT NOT NULL,
    "llm_provider" TEXT NOT NULL,
    "tts_provider" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "agents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "phone_numbers_live_e164_key" ON "phone_numbers"("live_e164");

-- CreateIndex
CREATE INDEX "phone_numbers_space_id_live_e164_idx" ON "phone_numbers"("space_id", "live_e164");

-- CreateIndex
CREATE INDEX "phone_numbers_sip_account_id_live_e164_idx" ON "phone_numbers"("sip_account_id", "live_e164");

-- CreateIndex
CREATE INDEX "phone_numbers_inbound_agent_id_idx" ON "phone_numbers"("inbound_agent_id");

-- CreateIndex
CREATE INDEX "phone_numbers_outbound_agent_id_idx" ON "phone_numbers"("outbound_agent_id");

-- CreateIndex
CREATE UNIQUE INDEX "agents_space_id_name_key_key" ON "agents"("space_id", "name_key");

-- AddForeignKey
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_sip_account_id_fkey" FOREIGN KEY ("sip_account_id") REFERENCES "sip_accounts"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_inbound_agent_id_fkey" FOREIGN KEY ("inbound_agent_id") REFERENCES "agents"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_outbound_agent_id_fkey" FOREIGN KEY ("outbound_agent_id") REFERENCES "agents"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agents" ADD CONSTRAINT "agents_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma cannot express CHECK constraints, and the migration runner splits on
-- semicolons, so none in comments): the database refuses what the services must never write.
-- A stored number is canonical E.164, a live number's key is its own number, and a number is
-- live exactly while it has not been unbound.
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_e164_canonical" CHECK ("e164" ~ '^\+[1-9][0-9]{1,14}$');
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_live_e164_is_e164" CHECK ("live_e164" IS NULL OR "live_e164" = "e164");
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_live_until_unbound" CHECK (("live_e164" IS NULL) = ("unbound_at" IS NOT NULL));
