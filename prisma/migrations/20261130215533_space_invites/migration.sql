-- CreateTable
CREATE TABLE "space_invites" (
    "id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "space_role" NOT NULL DEFAULT 'MEMBER',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "space_invites_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "space_invites_email_idx" ON "space_invites"("email");

-- CreateIndex
CREATE UNIQUE INDEX "space_invites_space_id_email_key" ON "space_invites"("space_id", "email");

-- AddForeignKey
ALTER TABLE "space_invites" ADD CONSTRAINT "space_invites_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
