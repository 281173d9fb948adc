-- AlterTable
ALTER TABLE "phone_numbers" ADD COLUMN     "claimed_at" TIMESTAMP(3),
ADD COLUMN     "taken_over_at" TIMESTAMP(3),
ADD COLUMN     "verified_at" TIMESTAMP(3),
ADD COLUMN     "verified_by" TEXT;

-- CreateIndex
CREATE INDEX "phone_numbers_e164_claimed_at_idx" ON "phone_numbers"("e164", "claimed_at");
