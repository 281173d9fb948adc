-- AlterTable
ALTER TABLE "sip_accounts" ADD COLUMN     "pass_headers" TEXT[] DEFAULT ARRAY[]::TEXT[];
