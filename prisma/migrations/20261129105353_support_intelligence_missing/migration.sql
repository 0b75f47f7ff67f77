-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "disclosureActionNote" TEXT,
ADD COLUMN     "disclosureActionedAt" TIMESTAMP(3),
ADD COLUMN     "disclosureActionedById" TEXT;

-- CreateTable
CREATE TABLE "VisitPolicySetting" (
    "organisationId" TEXT NOT NULL,
    "firstVisitWithinDays" INTEGER NOT NULL,
    "cadenceDays" INTEGER NOT NULL,
    "afterCourtEventWithinDays" INTEGER NOT NULL,
    "retryWithinDays" INTEGER NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VisitPolicySetting_pkey" PRIMARY KEY ("organisationId")
);

-- CreateTable
CREATE TABLE "IntelligenceItem" (
    "id" TEXT NOT NULL,
    "victimId" TEXT NOT NULL,
    "visitId" TEXT,
    "missingEpisodeId" TEXT,
    "policeOrganisationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorOrganisationId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "sourceEvaluation" TEXT NOT NULL,
    "intelligenceAssessment" TEXT NOT NULL,
    "handlingCode" TEXT NOT NULL,
    "handlingConditions" TEXT,
    "status" TEXT NOT NULL DEFAULT 'new',
    "policeReference" TEXT,
    "question" TEXT,
    "answer" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IntelligenceItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MissingEpisode" (
    "id" TEXT NOT NULL,
    "victimId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "missingFrom" TIMESTAMP(3) NOT NULL,
    "returnedAt" TIMESTAMP(3),
    "reportedToPolice" BOOLEAN NOT NULL,
    "policeReference" TEXT,
    "foundBy" TEXT,
    "foundByDetail" TEXT,
    "rhiStatus" TEXT NOT NULL DEFAULT 'not_offered',
    "rhiAt" TIMESTAMP(3),
    "rhiBy" TEXT,
    "rhiFindings" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "idempotencyKey" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MissingEpisode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportService" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "serviceType" TEXT NOT NULL,
    "description" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupportService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL,
    "victimId" TEXT NOT NULL,
    "fromOrganisationId" TEXT NOT NULL,
    "toOrganisationId" TEXT NOT NULL,
    "serviceType" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "referredById" TEXT NOT NULL,
    "sharingBasis" TEXT NOT NULL,
    "consentId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'sent',
    "sentAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "declinedAt" TIMESTAMP(3),
    "declineReason" TEXT,
    "activeAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "outcomeDetail" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "idempotencyKey" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportSession" (
    "id" TEXT NOT NULL,
    "referralId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "attended" BOOLEAN NOT NULL,
    "notes" TEXT,
    "recordedById" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IntelligenceItem_policeOrganisationId_status_createdAt_idx" ON "IntelligenceItem"("policeOrganisationId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "IntelligenceItem_authorId_idx" ON "IntelligenceItem"("authorId");

-- CreateIndex
CREATE INDEX "IntelligenceItem_victimId_idx" ON "IntelligenceItem"("victimId");

-- CreateIndex
CREATE INDEX "IntelligenceItem_visitId_idx" ON "IntelligenceItem"("visitId");

-- CreateIndex
CREATE UNIQUE INDEX "MissingEpisode_idempotencyKey_key" ON "MissingEpisode"("idempotencyKey");

-- CreateIndex
CREATE INDEX "MissingEpisode_victimId_missingFrom_idx" ON "MissingEpisode"("victimId", "missingFrom");

-- CreateIndex
CREATE UNIQUE INDEX "SupportService_organisationId_serviceType_key" ON "SupportService"("organisationId", "serviceType");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_idempotencyKey_key" ON "Referral"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Referral_victimId_idx" ON "Referral"("victimId");

-- CreateIndex
CREATE INDEX "Referral_toOrganisationId_status_idx" ON "Referral"("toOrganisationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SupportSession_idempotencyKey_key" ON "SupportSession"("idempotencyKey");

-- CreateIndex
CREATE INDEX "SupportSession_referralId_at_idx" ON "SupportSession"("referralId", "at");

-- AddForeignKey
ALTER TABLE "VisitPolicySetting" ADD CONSTRAINT "VisitPolicySetting_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitPolicySetting" ADD CONSTRAINT "VisitPolicySetting_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntelligenceItem" ADD CONSTRAINT "IntelligenceItem_victimId_fkey" FOREIGN KEY ("victimId") REFERENCES "Victim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntelligenceItem" ADD CONSTRAINT "IntelligenceItem_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntelligenceItem" ADD CONSTRAINT "IntelligenceItem_missingEpisodeId_fkey" FOREIGN KEY ("missingEpisodeId") REFERENCES "MissingEpisode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntelligenceItem" ADD CONSTRAINT "IntelligenceItem_policeOrganisationId_fkey" FOREIGN KEY ("policeOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntelligenceItem" ADD CONSTRAINT "IntelligenceItem_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntelligenceItem" ADD CONSTRAINT "IntelligenceItem_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MissingEpisode" ADD CONSTRAINT "MissingEpisode_victimId_fkey" FOREIGN KEY ("victimId") REFERENCES "Victim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MissingEpisode" ADD CONSTRAINT "MissingEpisode_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MissingEpisode" ADD CONSTRAINT "MissingEpisode_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportService" ADD CONSTRAINT "SupportService_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_victimId_fkey" FOREIGN KEY ("victimId") REFERENCES "Victim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_fromOrganisationId_fkey" FOREIGN KEY ("fromOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_toOrganisationId_fkey" FOREIGN KEY ("toOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_referredById_fkey" FOREIGN KEY ("referredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "Consent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportSession" ADD CONSTRAINT "SupportSession_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportSession" ADD CONSTRAINT "SupportSession_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

