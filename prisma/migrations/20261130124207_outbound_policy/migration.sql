-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN     "expires_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "sip_accounts" ADD COLUMN     "allow_special_numbers" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "allowed_destination_countries" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "spaces" ADD COLUMN     "outbound_calls_per_day" INTEGER,
ADD COLUMN     "outbound_calls_per_minute" INTEGER,
ADD COLUMN     "outbound_concurrent_calls" INTEGER;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0;
