-- AlterEnum
ALTER TYPE "call_status" ADD VALUE 'cancelled';

-- DropIndex
DROP INDEX "calls_sip_account_id_idx";

-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "batch_id" TEXT,
ADD COLUMN     "batch_row" INTEGER,
ADD COLUMN     "duration_ms" INTEGER,
ADD COLUMN     "end_reason" TEXT,
ADD COLUMN     "lease_until" TIMESTAMP(3),
ADD COLUMN     "retry_policy" JSONB,
ADD COLUMN     "scheduled_at" TIMESTAMP(3),
ADD COLUMN     "variables" JSONB,
ADD COLUMN     "wait_reason" TEXT;

-- AlterTable
ALTER TABLE "sip_accounts" ADD COLUMN     "calls_per_second" DOUBLE PRECISION,
ADD COLUMN     "max_concurrent_calls" INTEGER;

-- CreateTable
CREATE TABLE "call_batches" (
    "id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "from_number" TEXT NOT NULL,
    "agent_id" TEXT,
    "max_concurrency" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "completed_at" TIMESTAMP(3),
    "cancelled_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_batches_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "call_batches_space_id_created_at_idx" ON "call_batches"("space_id", "created_at");

-- CreateIndex
CREATE INDEX "calls_sip_account_id_status_idx" ON "calls"("sip_account_id", "status");

-- CreateIndex
CREATE INDEX "calls_batch_id_status_idx" ON "calls"("batch_id", "status");

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "call_batches"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_batches" ADD CONSTRAINT "call_batches_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
