-- CreateIndex
CREATE INDEX "Case_stage_idx" ON "Case"("stage");

-- CreateIndex
CREATE INDEX "Victim_dateOfBirth_idx" ON "Victim"("dateOfBirth");

