-- CreateTable
CREATE TABLE "CaseReview" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'awaiting_review',
    "finalisedAt" TIMESTAMP(3) NOT NULL,
    "outcome" TEXT NOT NULL,
    "factors" JSONB NOT NULL,
    "helped" TEXT,
    "hindered" TEXT,
    "lessons" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "signedOffById" TEXT,
    "signedOffAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSetting" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "suppressionThreshold" INTEGER NOT NULL DEFAULT 5,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportSetting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseReview_caseId_key" ON "CaseReview"("caseId");

-- CreateIndex
CREATE INDEX "CaseReview_status_finalisedAt_idx" ON "CaseReview"("status", "finalisedAt");

-- CreateIndex
CREATE INDEX "CaseReview_finalisedAt_idx" ON "CaseReview"("finalisedAt");

-- AddForeignKey
ALTER TABLE "CaseReview" ADD CONSTRAINT "CaseReview_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseReview" ADD CONSTRAINT "CaseReview_signedOffById_fkey" FOREIGN KEY ("signedOffById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

