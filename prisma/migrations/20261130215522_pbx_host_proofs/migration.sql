-- CreateEnum
CREATE TYPE "pbx_host_proof_kind" AS ENUM ('inbound_call', 'owner_approval');

-- CreateTable
CREATE TABLE "edge_forwards" (
    "phone_number_id" TEXT NOT NULL,
    "source_address" TEXT NOT NULL,
    "forwarded_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "edge_forwards_pkey" PRIMARY KEY ("phone_number_id")
);

-- CreateTable
CREATE TABLE "pbx_host_proofs" (
    "id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "sip_account_id" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "kind" "pbx_host_proof_kind" NOT NULL,
    "e164" TEXT,
    "approved_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pbx_host_proofs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pbx_host_proofs_address_idx" ON "pbx_host_proofs"("address");

-- CreateIndex
CREATE UNIQUE INDEX "pbx_host_proofs_sip_account_id_address_kind_key" ON "pbx_host_proofs"("sip_account_id", "address", "kind");

-- AddForeignKey
ALTER TABLE "pbx_host_proofs" ADD CONSTRAINT "pbx_host_proofs_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pbx_host_proofs" ADD CONSTRAINT "pbx_host_proofs_sip_account_id_fkey" FOREIGN KEY ("sip_account_id") REFERENCES "sip_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
