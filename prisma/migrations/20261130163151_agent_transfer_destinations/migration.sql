-- AlterTable
ALTER TABLE "agents" ADD COLUMN     "transfer_destinations" JSONB NOT NULL DEFAULT '[]';
