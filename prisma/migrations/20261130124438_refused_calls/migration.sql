-- CreateEnum
CREATE TYPE "RefusalCause" AS ENUM ('unknown_number', 'address_not_allowed', 'digest_failed', 'not_answered');

-- CreateTable
CREATE TABLE "refused_calls" (
    "id" TEXT NOT NULL,
    "space_id" TEXT,
    "sip_account_id" TEXT,
    "cause" "RefusalCause" NOT NULL,
    "sip_code" INTEGER NOT NULL,
    "called_number" TEXT NOT NULL,
    "matched_number" TEXT,
    "from_number" TEXT NOT NULL,
    "source_address" TEXT NOT NULL,
    "transport" TEXT NOT NULL,
    "sip_call_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refused_calls_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "refused_calls_space_id_created_at_idx" ON "refused_calls"("space_id", "created_at");

-- CreateIndex
CREATE INDEX "refused_calls_sip_account_id_created_at_idx" ON "refused_calls"("sip_account_id", "created_at");

-- CreateIndex
CREATE INDEX "refused_calls_created_at_idx" ON "refused_calls"("created_at");

-- AddForeignKey
ALTER TABLE "refused_calls" ADD CONSTRAINT "refused_calls_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refused_calls" ADD CONSTRAINT "refused_calls_sip_account_id_fkey" FOREIGN KEY ("sip_account_id") REFERENCES "sip_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
