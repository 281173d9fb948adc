-- AlterTable
ALTER TABLE "spaces" ADD COLUMN     "is_platform" BOOLEAN NOT NULL DEFAULT false;
