-- DropIndex
DROP INDEX "phone_numbers_space_id_e164_idx";

-- CreateIndex
CREATE INDEX "phone_numbers_space_id_e164_live_e164_idx" ON "phone_numbers"("space_id", "e164", "live_e164");
