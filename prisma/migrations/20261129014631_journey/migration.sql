-- AlterTable
ALTER TABLE "Victim" ADD COLUMN     "closedReason" TEXT,
ADD COLUMN     "contactEmail" TEXT,
ADD COLUMN     "contactName" TEXT,
ADD COLUMN     "contactPhone" TEXT,
ADD COLUMN     "contactRelationship" TEXT,
ADD COLUMN     "doNotTell" TEXT,
ADD COLUMN     "ethnicity" TEXT,
ADD COLUMN     "intermediaryNeeded" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "interpreterNeeded" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "manualEnhancedGrounds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "noVoicemail" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "otherAdjustments" TEXT,
ADD COLUMN     "preferredLanguage" TEXT,
ADD COLUMN     "riskNotes" TEXT,
ADD COLUMN     "safeContactMethod" TEXT,
ADD COLUMN     "safeContactTimes" TEXT;

-- CreateTable
CREATE TABLE "Consent" (
    "id" TEXT NOT NULL,
    "victimId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "sharedWith" TEXT NOT NULL,
    "givenBy" TEXT,
    "lawfulBasis" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" TEXT NOT NULL,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offence" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "victimId" TEXT,
    "description" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "sexual" BOOLEAN NOT NULL DEFAULT true,
    "committedFrom" DATE NOT NULL,
    "committedTo" DATE,

    CONSTRAINT "Offence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Defendant" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Defendant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourneyEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "victimId" TEXT,
    "defendantId" TEXT,
    "type" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3),
    "details" JSONB NOT NULL DEFAULT '{}',
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersedesId" TEXT,
    "correctionReason" TEXT,
    "idempotencyKey" TEXT NOT NULL,

    CONSTRAINT "JourneyEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "victimId" TEXT NOT NULL,
    "contactedAt" TIMESTAMP(3) NOT NULL,
    "byUserId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "withWhom" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactEvent" (
    "contactId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,

    CONSTRAINT "ContactEvent_pkey" PRIMARY KEY ("contactId","eventId")
);

-- CreateIndex
CREATE INDEX "Consent_victimId_idx" ON "Consent"("victimId");

-- CreateIndex
CREATE INDEX "Offence_caseId_idx" ON "Offence"("caseId");

-- CreateIndex
CREATE INDEX "Offence_victimId_idx" ON "Offence"("victimId");

-- CreateIndex
CREATE UNIQUE INDEX "Defendant_caseId_label_key" ON "Defendant"("caseId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "JourneyEvent_supersedesId_key" ON "JourneyEvent"("supersedesId");

-- CreateIndex
CREATE UNIQUE INDEX "JourneyEvent_idempotencyKey_key" ON "JourneyEvent"("idempotencyKey");

-- CreateIndex
CREATE INDEX "JourneyEvent_caseId_occurredAt_idx" ON "JourneyEvent"("caseId", "occurredAt");

-- CreateIndex
CREATE INDEX "JourneyEvent_victimId_occurredAt_idx" ON "JourneyEvent"("victimId", "occurredAt");

-- CreateIndex
CREATE INDEX "JourneyEvent_type_occurredAt_idx" ON "JourneyEvent"("type", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_idempotencyKey_key" ON "Contact"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Contact_victimId_contactedAt_idx" ON "Contact"("victimId", "contactedAt");

-- CreateIndex
CREATE INDEX "ContactEvent_eventId_idx" ON "ContactEvent"("eventId");

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_victimId_fkey" FOREIGN KEY ("victimId") REFERENCES "Victim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offence" ADD CONSTRAINT "Offence_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offence" ADD CONSTRAINT "Offence_victimId_fkey" FOREIGN KEY ("victimId") REFERENCES "Victim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Defendant" ADD CONSTRAINT "Defendant_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyEvent" ADD CONSTRAINT "JourneyEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyEvent" ADD CONSTRAINT "JourneyEvent_victimId_fkey" FOREIGN KEY ("victimId") REFERENCES "Victim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyEvent" ADD CONSTRAINT "JourneyEvent_defendantId_fkey" FOREIGN KEY ("defendantId") REFERENCES "Defendant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyEvent" ADD CONSTRAINT "JourneyEvent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyEvent" ADD CONSTRAINT "JourneyEvent_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "JourneyEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_victimId_fkey" FOREIGN KEY ("victimId") REFERENCES "Victim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactEvent" ADD CONSTRAINT "ContactEvent_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactEvent" ADD CONSTRAINT "ContactEvent_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "JourneyEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

