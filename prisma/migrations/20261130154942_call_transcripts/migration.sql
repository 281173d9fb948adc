-- AlterTable
ALTER TABLE "spaces" ADD COLUMN     "transcript_retention_days" INTEGER NOT NULL DEFAULT 30;

-- CreateTable
CREATE TABLE "transcript_turns" (
    "id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "call_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "speaker" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "interrupted" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "transcript_turns_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "transcript_turns_space_id_at_idx" ON "transcript_turns"("space_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "transcript_turns_call_id_seq_key" ON "transcript_turns"("call_id", "seq");

-- AddForeignKey
ALTER TABLE "transcript_turns" ADD CONSTRAINT "transcript_turns_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transcript_turns" ADD CONSTRAINT "transcript_turns_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;
