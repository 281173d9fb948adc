-- CreateTable
CREATE TABLE "sip_account_verify_runs" (
    "id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "ran_at" TIMESTAMP(3) NOT NULL,
    "trigger" TEXT NOT NULL,
    "actor" TEXT,
    "ok" BOOLEAN NOT NULL,
    "report" JSONB NOT NULL,

    CONSTRAINT "sip_account_verify_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sip_account_verify_runs_space_id_account_id_ran_at_idx" ON "sip_account_verify_runs"("space_id", "account_id", "ran_at" DESC);

-- AddForeignKey
ALTER TABLE "sip_account_verify_runs" ADD CONSTRAINT "sip_account_verify_runs_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "sip_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
