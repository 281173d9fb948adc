-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "self_test" BOOLEAN NOT NULL DEFAULT false;
