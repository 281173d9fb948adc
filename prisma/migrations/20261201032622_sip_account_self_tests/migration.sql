-- CreateTable
CREATE TABLE "sip_account_self_tests" (
    "id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "sip_account_id" TEXT NOT NULL,
    "phone_number_id" TEXT NOT NULL,
    "e164" TEXT NOT NULL,
    "outbound_call_id" TEXT NOT NULL,
    "started_by" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "result" JSONB,

    CONSTRAINT "sip_account_self_tests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sip_account_self_tests_outbound_call_id_key" ON "sip_account_self_tests"("outbound_call_id");

-- CreateIndex
CREATE INDEX "sip_account_self_tests_sip_account_id_started_at_idx" ON "sip_account_self_tests"("sip_account_id", "started_at");

-- AddForeignKey
ALTER TABLE "sip_account_self_tests" ADD CONSTRAINT "sip_account_self_tests_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sip_account_self_tests" ADD CONSTRAINT "sip_account_self_tests_sip_account_id_fkey" FOREIGN KEY ("sip_account_id") REFERENCES "sip_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
