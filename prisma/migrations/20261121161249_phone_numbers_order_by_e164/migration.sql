-- DropIndex
DROP INDEX "phone_numbers_sip_account_id_live_e164_idx";

-- DropIndex
DROP INDEX "phone_numbers_space_id_live_e164_idx";

-- CreateIndex
CREATE INDEX "phone_numbers_space_id_e164_idx" ON "phone_numbers"("space_id", "e164");

-- CreateIndex
CREATE INDEX "phone_numbers_sip_account_id_e164_idx" ON "phone_numbers"("sip_account_id", "e164");
