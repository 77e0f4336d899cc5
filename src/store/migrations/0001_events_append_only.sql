-- The event log is append-only: nothing may rewrite or remove history. The hash chain detects a change
-- made by someone who bypasses this trigger (a database owner can disable it); the trigger stops every
-- ordinary path, including a bug in our own code.
CREATE OR REPLACE FUNCTION probity_events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'the event log is append-only: % on events is not allowed', TG_OP
    USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION probity_events_append_only();
--> statement-breakpoint
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION probity_events_append_only();
