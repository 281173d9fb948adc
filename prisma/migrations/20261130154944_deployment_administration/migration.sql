-- AlterEnum
ALTER TYPE "RefusalCause" ADD VALUE 'space_suspended';

-- AlterTable
ALTER TABLE "spaces" ADD COLUMN     "monthly_minutes_limit" INTEGER,
ADD COLUMN     "suspended_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "deployment_admin" BOOLEAN NOT NULL DEFAULT false;
