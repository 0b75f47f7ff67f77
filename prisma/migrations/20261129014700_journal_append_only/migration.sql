-- The journal is append-only: a correction is a new event that supersedes an earlier one, so the
-- database refuses UPDATE and DELETE of journey events and of the contacts they evidence.
CREATE OR REPLACE FUNCTION journal_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER journey_event_no_update_delete
  BEFORE UPDATE OR DELETE ON "JourneyEvent"
  FOR EACH ROW EXECUTE FUNCTION journal_append_only();

CREATE TRIGGER contact_no_update_delete
  BEFORE UPDATE OR DELETE ON "Contact"
  FOR EACH ROW EXECUTE FUNCTION journal_append_only();
