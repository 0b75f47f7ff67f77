-- CreateTable
CREATE TABLE "BankHoliday" (
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BankHoliday_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "RuleDeadlineOverride" (
    "ruleSetId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "enhancedDays" INTEGER NOT NULL,
    "standardDays" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RuleDeadlineOverride_pkey" PRIMARY KEY ("ruleSetId","ruleId")
);

-- CreateTable
CREATE TABLE "Entitlement" (
    "id" TEXT NOT NULL,
    "victimId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "ruleSetId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "right" INTEGER NOT NULL,
    "triggerEventId" TEXT NOT NULL,
    "defendantId" TEXT,
    "owedBy" TEXT NOT NULL,
    "owedByOrganisationId" TEXT,
    "dueBy" DATE NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "metAt" TIMESTAMP(3),
    "metByContactId" TEXT,
    "metByEventId" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Entitlement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Complaint" (
    "id" TEXT NOT NULL,
    "entitlementId" TEXT NOT NULL,
    "victimId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "summary" TEXT NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "outcomeNotes" TEXT,
    "recordedById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Entitlement_owedByOrganisationId_status_dueAt_idx" ON "Entitlement"("owedByOrganisationId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Entitlement_caseId_idx" ON "Entitlement"("caseId");

-- CreateIndex
CREATE INDEX "Entitlement_dueBy_idx" ON "Entitlement"("dueBy");

-- CreateIndex
CREATE UNIQUE INDEX "Entitlement_victimId_ruleSetId_ruleId_triggerEventId_key" ON "Entitlement"("victimId", "ruleSetId", "ruleId", "triggerEventId");

-- CreateIndex
CREATE INDEX "Complaint_entitlementId_idx" ON "Complaint"("entitlementId");

-- CreateIndex
CREATE INDEX "Complaint_victimId_idx" ON "Complaint"("victimId");

-- AddForeignKey
ALTER TABLE "Entitlement" ADD CONSTRAINT "Entitlement_victimId_fkey" FOREIGN KEY ("victimId") REFERENCES "Victim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entitlement" ADD CONSTRAINT "Entitlement_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entitlement" ADD CONSTRAINT "Entitlement_triggerEventId_fkey" FOREIGN KEY ("triggerEventId") REFERENCES "JourneyEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_entitlementId_fkey" FOREIGN KEY ("entitlementId") REFERENCES "Entitlement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_victimId_fkey" FOREIGN KEY ("victimId") REFERENCES "Victim"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- England & Wales bank holidays 2020–2030, generated from app/domain/calendar/bank-holidays.ts:
-- 2020–2027 confirmed (published), 2028–2030 derived from the statutory rules. Administrators
-- maintain the table from here on (one-off holidays are proclaimed at short notice).
INSERT INTO "BankHoliday" ("date", "name", "source", "updatedAt") VALUES
  ('2020-01-01', 'New Year’s Day', 'confirmed', CURRENT_TIMESTAMP),
  ('2020-04-10', 'Good Friday', 'confirmed', CURRENT_TIMESTAMP),
  ('2020-04-13', 'Easter Monday', 'confirmed', CURRENT_TIMESTAMP),
  ('2020-05-08', 'Early May bank holiday (VE Day)', 'confirmed', CURRENT_TIMESTAMP),
  ('2020-05-25', 'Spring bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2020-08-31', 'Summer bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2020-12-25', 'Christmas Day', 'confirmed', CURRENT_TIMESTAMP),
  ('2020-12-28', 'Boxing Day (substitute day)', 'confirmed', CURRENT_TIMESTAMP),
  ('2021-01-01', 'New Year’s Day', 'confirmed', CURRENT_TIMESTAMP),
  ('2021-04-02', 'Good Friday', 'confirmed', CURRENT_TIMESTAMP),
  ('2021-04-05', 'Easter Monday', 'confirmed', CURRENT_TIMESTAMP),
  ('2021-05-03', 'Early May bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2021-05-31', 'Spring bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2021-08-30', 'Summer bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2021-12-27', 'Christmas Day (substitute day)', 'confirmed', CURRENT_TIMESTAMP),
  ('2021-12-28', 'Boxing Day (substitute day)', 'confirmed', CURRENT_TIMESTAMP),
  ('2022-01-03', 'New Year’s Day (substitute day)', 'confirmed', CURRENT_TIMESTAMP),
  ('2022-04-15', 'Good Friday', 'confirmed', CURRENT_TIMESTAMP),
  ('2022-04-18', 'Easter Monday', 'confirmed', CURRENT_TIMESTAMP),
  ('2022-05-02', 'Early May bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2022-06-02', 'Spring bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2022-06-03', 'Platinum Jubilee bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2022-08-29', 'Summer bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2022-09-19', 'Bank holiday for the State Funeral of Queen Elizabeth II', 'confirmed', CURRENT_TIMESTAMP),
  ('2022-12-26', 'Boxing Day', 'confirmed', CURRENT_TIMESTAMP),
  ('2022-12-27', 'Christmas Day (substitute day)', 'confirmed', CURRENT_TIMESTAMP),
  ('2023-01-02', 'New Year’s Day (substitute day)', 'confirmed', CURRENT_TIMESTAMP),
  ('2023-04-07', 'Good Friday', 'confirmed', CURRENT_TIMESTAMP),
  ('2023-04-10', 'Easter Monday', 'confirmed', CURRENT_TIMESTAMP),
  ('2023-05-01', 'Early May bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2023-05-08', 'Bank holiday for the coronation of King Charles III', 'confirmed', CURRENT_TIMESTAMP),
  ('2023-05-29', 'Spring bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2023-08-28', 'Summer bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2023-12-25', 'Christmas Day', 'confirmed', CURRENT_TIMESTAMP),
  ('2023-12-26', 'Boxing Day', 'confirmed', CURRENT_TIMESTAMP),
  ('2024-01-01', 'New Year’s Day', 'confirmed', CURRENT_TIMESTAMP),
  ('2024-03-29', 'Good Friday', 'confirmed', CURRENT_TIMESTAMP),
  ('2024-04-01', 'Easter Monday', 'confirmed', CURRENT_TIMESTAMP),
  ('2024-05-06', 'Early May bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2024-05-27', 'Spring bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2024-08-26', 'Summer bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2024-12-25', 'Christmas Day', 'confirmed', CURRENT_TIMESTAMP),
  ('2024-12-26', 'Boxing Day', 'confirmed', CURRENT_TIMESTAMP),
  ('2025-01-01', 'New Year’s Day', 'confirmed', CURRENT_TIMESTAMP),
  ('2025-04-18', 'Good Friday', 'confirmed', CURRENT_TIMESTAMP),
  ('2025-04-21', 'Easter Monday', 'confirmed', CURRENT_TIMESTAMP),
  ('2025-05-05', 'Early May bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2025-05-26', 'Spring bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2025-08-25', 'Summer bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2025-12-25', 'Christmas Day', 'confirmed', CURRENT_TIMESTAMP),
  ('2025-12-26', 'Boxing Day', 'confirmed', CURRENT_TIMESTAMP),
  ('2026-01-01', 'New Year’s Day', 'confirmed', CURRENT_TIMESTAMP),
  ('2026-04-03', 'Good Friday', 'confirmed', CURRENT_TIMESTAMP),
  ('2026-04-06', 'Easter Monday', 'confirmed', CURRENT_TIMESTAMP),
  ('2026-05-04', 'Early May bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2026-05-25', 'Spring bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2026-08-31', 'Summer bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2026-12-25', 'Christmas Day', 'confirmed', CURRENT_TIMESTAMP),
  ('2026-12-28', 'Boxing Day (substitute day)', 'confirmed', CURRENT_TIMESTAMP),
  ('2027-01-01', 'New Year’s Day', 'confirmed', CURRENT_TIMESTAMP),
  ('2027-03-26', 'Good Friday', 'confirmed', CURRENT_TIMESTAMP),
  ('2027-03-29', 'Easter Monday', 'confirmed', CURRENT_TIMESTAMP),
  ('2027-05-03', 'Early May bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2027-05-31', 'Spring bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2027-08-30', 'Summer bank holiday', 'confirmed', CURRENT_TIMESTAMP),
  ('2027-12-27', 'Christmas Day (substitute day)', 'confirmed', CURRENT_TIMESTAMP),
  ('2027-12-28', 'Boxing Day (substitute day)', 'confirmed', CURRENT_TIMESTAMP),
  ('2028-01-03', 'New Year’s Day (substitute day)', 'derived', CURRENT_TIMESTAMP),
  ('2028-04-14', 'Good Friday', 'derived', CURRENT_TIMESTAMP),
  ('2028-04-17', 'Easter Monday', 'derived', CURRENT_TIMESTAMP),
  ('2028-05-01', 'Early May bank holiday', 'derived', CURRENT_TIMESTAMP),
  ('2028-05-29', 'Spring bank holiday', 'derived', CURRENT_TIMESTAMP),
  ('2028-08-28', 'Summer bank holiday', 'derived', CURRENT_TIMESTAMP),
  ('2028-12-25', 'Christmas Day', 'derived', CURRENT_TIMESTAMP),
  ('2028-12-26', 'Boxing Day', 'derived', CURRENT_TIMESTAMP),
  ('2029-01-01', 'New Year’s Day', 'derived', CURRENT_TIMESTAMP),
  ('2029-03-30', 'Good Friday', 'derived', CURRENT_TIMESTAMP),
  ('2029-04-02', 'Easter Monday', 'derived', CURRENT_TIMESTAMP),
  ('2029-05-07', 'Early May bank holiday', 'derived', CURRENT_TIMESTAMP),
  ('2029-05-28', 'Spring bank holiday', 'derived', CURRENT_TIMESTAMP),
  ('2029-08-27', 'Summer bank holiday', 'derived', CURRENT_TIMESTAMP),
  ('2029-12-25', 'Christmas Day', 'derived', CURRENT_TIMESTAMP),
  ('2029-12-26', 'Boxing Day', 'derived', CURRENT_TIMESTAMP),
  ('2030-01-01', 'New Year’s Day', 'derived', CURRENT_TIMESTAMP),
  ('2030-04-19', 'Good Friday', 'derived', CURRENT_TIMESTAMP),
  ('2030-04-22', 'Easter Monday', 'derived', CURRENT_TIMESTAMP),
  ('2030-05-06', 'Early May bank holiday', 'derived', CURRENT_TIMESTAMP),
  ('2030-05-27', 'Spring bank holiday', 'derived', CURRENT_TIMESTAMP),
  ('2030-08-26', 'Summer bank holiday', 'derived', CURRENT_TIMESTAMP),
  ('2030-12-25', 'Christmas Day', 'derived', CURRENT_TIMESTAMP),
  ('2030-12-26', 'Boxing Day', 'derived', CURRENT_TIMESTAMP);
