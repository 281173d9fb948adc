-- CreateEnum
CREATE TYPE "sip_transport" AS ENUM ('auto', 'udp', 'tcp', 'tls');

-- CreateEnum
CREATE TYPE "provisioning_status" AS ENUM ('pending', 'provisioned', 'not_provisioned');

-- CreateTable
CREATE TABLE "sip_accounts" (
    "id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "live_name_key" TEXT,
    "sip_server_address" TEXT,
    "sip_transport" "sip_transport" NOT NULL DEFAULT 'auto',
    "destination_country" CHAR(2) NOT NULL,
    "allowed_inbound_ips" TEXT[],
    "outbound_username" TEXT,
    "outbound_password_enc" TEXT,
    "inbound_username" TEXT,
    "inbound_password_enc" TEXT,
    "inbound_trunk_id" TEXT,
    "outbound_trunk_id" TEXT,
    "provisioning_status" "provisioning_status" NOT NULL DEFAULT 'pending',
    "provisioning_error" TEXT,
    "provisioned_at" TIMESTAMP(3),
    "deleted_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sip_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sip_accounts_space_id_deleted_at_idx" ON "sip_accounts"("space_id", "deleted_at");

-- CreateIndex
CREATE UNIQUE INDEX "sip_accounts_space_id_live_name_key_key" ON "sip_accounts"("space_id", "live_name_key");

-- AddForeignKey
ALTER TABLE "sip_accounts" ADD CONSTRAINT "sip_accounts_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
