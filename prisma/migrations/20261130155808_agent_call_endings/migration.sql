-- AlterTable
ALTER TABLE "agents" ADD COLUMN     "end_call_enabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "max_call_seconds" INTEGER,
ADD COLUMN     "silence_timeout_seconds" INTEGER;
