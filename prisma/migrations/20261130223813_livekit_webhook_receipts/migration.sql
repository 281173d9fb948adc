-- CreateTable
CREATE TABLE "livekit_webhook_receipts" (
    "event_id" TEXT NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "livekit_webhook_receipts_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE INDEX "livekit_webhook_receipts_received_at_idx" ON "livekit_webhook_receipts"("received_at");
