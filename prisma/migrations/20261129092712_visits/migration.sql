-- CreateTable
CREATE TABLE "Visit" (
    "id" TEXT NOT NULL,
    "victimId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "notHappenedReason" TEXT,
    "secondVisitorName" TEXT,
    "secondVisitorAgency" TEXT,
    "placeType" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "seenAlone" BOOLEAN,
    "spokenToAlone" BOOLEAN,
    "engagement" TEXT,
    "wishesAndFeelings" TEXT,
    "disclosure" TEXT,
    "disclosureNotes" TEXT,
    "safeguardingConcerns" TEXT,
    "safeguardingActions" TEXT,
    "nextVisitOn" DATE,
    "idempotencyKey" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Visit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Visit_idempotencyKey_key" ON "Visit"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Visit_victimId_at_idx" ON "Visit"("victimId", "at");

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_victimId_fkey" FOREIGN KEY ("victimId") REFERENCES "Victim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

