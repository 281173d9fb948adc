-- AlterTable
ALTER TABLE "phone_numbers" ADD COLUMN     "claimed_at" TIMESTAMP(3),
ADD COLUMN     "taken_over_at" TIMESTAMP(3),
ADD COLUMN     "verified_at" TIMESTAMP(3),
ADD COLUMN     "verified_by" TEXT;

-- CreateIndex
CREATE INDEX "phone_numbers_e164_claimed_at_idx" ON "phone_numbers"("e164", "claimed_at");

-- A pending claim is neither live nor unbound: it is not live until proven, and unbound_at
-- closes it. Live rows stay exactly the ones without unbound_at.
ALTER TABLE "phone_numbers" DROP CONSTRAINT "phone_numbers_live_until_unbound";
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_live_until_unbound" CHECK (
  ("live_e164" IS NOT NULL AND "unbound_at" IS NULL)
  OR ("live_e164" IS NULL AND ("unbound_at" IS NOT NULL OR "claimed_at" IS NOT NULL))
);
