-- AlterTable
ALTER TABLE "sip_accounts" ADD COLUMN     "heal_at" TIMESTAMP(3),
ADD COLUMN     "heal_retries" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "spaces" ADD COLUMN     "auto_repair" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "sip_accounts_heal_at_idx" ON "sip_accounts"("heal_at");
