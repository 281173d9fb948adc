-- AlterTable
ALTER TABLE "sip_accounts" ADD COLUMN     "last_verified_at" TIMESTAMP(3),
ADD COLUMN     "last_verify_report" JSONB;
