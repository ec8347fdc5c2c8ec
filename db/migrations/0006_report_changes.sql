CREATE TABLE "report_changes" (
	"xid" bigint NOT NULL,
	"source" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_changes_xid_source_pk" PRIMARY KEY("xid","source")
);
--> statement-breakpoint
CREATE INDEX "report_changes_at_index" ON "report_changes" USING btree ("at");--> statement-breakpoint
-- Notes that the current transaction changed the triggering table, once per transaction, table and
-- kind of change: "<table>" for rows added or removed, "<table> update" for rows changed in place
-- (an application's step changes its row, not whether it exists).
-- SECURITY DEFINER: the runtime role writes through it whatever its own rights on the table.
CREATE FUNCTION kakezan_note_report_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO report_changes (xid, source)
    VALUES (pg_current_xact_id()::text::bigint, CASE WHEN TG_OP = 'UPDATE' THEN TG_TABLE_NAME || ' update' ELSE TG_TABLE_NAME END)
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- People: only the columns the reports read (a tagline or a sign-in leaves the reports as they are).
CREATE TRIGGER people_report_change AFTER INSERT OR DELETE OR TRUNCATE ON people
  FOR EACH STATEMENT EXECUTE FUNCTION kakezan_note_report_change();
--> statement-breakpoint
CREATE TRIGGER people_report_change_update AFTER UPDATE OF department_id, role_id, level, manager_id, hired_on, role_since, level_since, active, left_on,
    family_name, given_name, romanized_name ON people
  FOR EACH STATEMENT EXECUTE FUNCTION kakezan_note_report_change();
--> statement-breakpoint
DO $$
DECLARE
  source text;
BEGIN
  FOREACH source IN ARRAY ARRAY['moves', 'applications', 'approval_steps', 'opportunities', 'opportunity_skills', 'person_skills',
      'will_versions', 'participations', 'departments', 'job_families', 'roles', 'role_levels', 'skills', 'settings'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION kakezan_note_report_change()',
      source || '_report_change', source);
  END LOOP;
END $$;
