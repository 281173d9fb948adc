-- CreateEnum
CREATE TYPE "sign_up_mode" AS ENUM ('open', 'invite_only');

-- CreateTable
CREATE TABLE "deployment_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "sign_up_mode" "sign_up_mode" NOT NULL DEFAULT 'open',
    "invited_emails" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sip_public_domain" TEXT,
    "sip_public_ips" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "default_monthly_minutes_limit" INTEGER,
    "default_outbound_calls_per_minute" INTEGER,
    "default_outbound_concurrent_calls" INTEGER,
    "default_outbound_calls_per_day" INTEGER,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "deployment_settings_pkey" PRIMARY KEY ("id")
);
ALTER TABLE "deployment_settings" ADD CONSTRAINT "deployment_settings_one_row" CHECK ("id" = 1);
