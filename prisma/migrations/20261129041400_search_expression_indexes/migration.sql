-- Indexes for finding people (app/services/caseload.server.ts) that Prisma's schema cannot express,
-- so they live in a hand-written migration of their own (migrate diff leaves them alone).
--
-- Name search matches the start of each word typed against first, last and preferred name, case
-- insensitively: lower(name) LIKE 'jo%'. text_pattern_ops lets a btree answer LIKE prefixes
-- whatever the database's collation. (pg_trgm would also answer substrings, but the embedded
-- PGlite would have to load it as an extension everywhere it is opened; prefixes are enough.)
CREATE INDEX "Victim_firstName_lower_idx" ON "Victim" (lower("firstName") text_pattern_ops);
CREATE INDEX "Victim_lastName_lower_idx" ON "Victim" (lower("lastName") text_pattern_ops);
CREATE INDEX "Victim_preferredName_lower_idx" ON "Victim" (lower("preferredName") text_pattern_ops);

-- References are stored upper-case, so a prefix of what was typed (normalised) is a LIKE prefix.
CREATE INDEX "Victim_reference_prefix_idx" ON "Victim" ("reference" text_pattern_ops);
CREATE INDEX "Case_crimeReference_prefix_idx" ON "Case" ("crimeReference" text_pattern_ops);
CREATE INDEX "Case_cpsUrn_prefix_idx" ON "Case" ("cpsUrn" text_pattern_ops);

-- "Hearing in the next N days": listings by hearing date (ISO text sorts as time does), and the
-- outcome recorded against a listing.
CREATE INDEX "JourneyEvent_hearingAt_idx" ON "JourneyEvent" ((details->>'hearingAt')) WHERE type = 'hearing_listed';
CREATE INDEX "JourneyEvent_hearingEventId_idx" ON "JourneyEvent" ((details->>'hearingEventId')) WHERE type = 'hearing_outcome';
