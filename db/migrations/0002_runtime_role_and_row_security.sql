-- The database as a backstop behind the policies in server/auth: the server runs as kakezan_app,
-- which does not own the tables, may not rewrite the audit log, and sees rows of Wills,
-- applications, approval steps and private notes only as the request's actor (or the system) may.
-- Migrations, the seed and test factories run as the owner, which row security does not bind.

-- Roles are cluster-wide: several databases (the test templates and their copies) share this one,
-- so it is created only when missing, and a concurrent creation elsewhere is not an error.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kakezan_app') THEN
    CREATE ROLE kakezan_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;
--> statement-breakpoint
-- The owner's connection may become kakezan_app for one request's transaction (server/trpc
-- scoping), so the backstop holds even when the server connects as the owner. An owner without
-- the right to grant this keeps working; its server connection then needs the membership from an
-- administrator (README, Security).
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'kakezan_app', 'MEMBER') THEN
    EXECUTE format('GRANT kakezan_app TO %I', current_user);
  END IF;
EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN
  RAISE NOTICE 'kakezan_app is not granted to %: grant it to the server''s login role', current_user;
END $$;
--> statement-breakpoint
-- A schema created anew (dropped and recreated, as the bench seed does) grants nobody its use.
GRANT USAGE ON SCHEMA public TO kakezan_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO kakezan_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO kakezan_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kakezan_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO kakezan_app;
--> statement-breakpoint

-- The audit log is append-only: the runtime role may only add and read entries, and a trigger
-- refuses any change or removal whoever asks (the owner must drop it deliberately).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM kakezan_app;
--> statement-breakpoint
CREATE FUNCTION kakezan_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION kakezan_refuse_audit_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION kakezan_refuse_audit_change();
--> statement-breakpoint

-- The scope of the current transaction, set with set_config(…, true) by db/scope.ts: the
-- acting person, or the system (jobs, the outbox, recomputes). Neither set: nothing is visible.
CREATE FUNCTION kakezan_actor_id() RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('kakezan.actor_id', true), '')::integer
$$;
--> statement-breakpoint
CREATE FUNCTION kakezan_system_scope() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('kakezan.scope', true), '') = 'system'
$$;
--> statement-breakpoint
CREATE FUNCTION kakezan_actor_is_hr() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT is_hr FROM people WHERE id = kakezan_actor_id()), false)
$$;
--> statement-breakpoint
-- Applications with a step the actor must decide. SECURITY DEFINER (owner: row security does not
-- apply) because approval steps are themselves visible through their application.
CREATE FUNCTION kakezan_applications_to_approve() RETURNS SETOF integer LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp AS $$
  SELECT application_id FROM approval_steps WHERE approver_id = kakezan_actor_id()
$$;
--> statement-breakpoint

-- Every policy reads the scope through (SELECT …): evaluated once per query, not per row.
ALTER TABLE wills ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY wills_own ON wills FOR ALL
  USING ((SELECT kakezan_system_scope()) OR person_id = (SELECT kakezan_actor_id()))
  WITH CHECK ((SELECT kakezan_system_scope()) OR person_id = (SELECT kakezan_actor_id()));
--> statement-breakpoint
-- Shared with anyone: readable by signed-in people; who exactly is decided in server/auth.
CREATE POLICY wills_shared ON wills FOR SELECT
  USING ((SELECT kakezan_actor_id()) IS NOT NULL AND (share_with_manager OR share_with_hr OR share_with_matching));
--> statement-breakpoint
ALTER TABLE will_target_roles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY will_target_roles_own ON will_target_roles FOR ALL
  USING ((SELECT kakezan_system_scope()) OR person_id = (SELECT kakezan_actor_id()))
  WITH CHECK ((SELECT kakezan_system_scope()) OR person_id = (SELECT kakezan_actor_id()));
--> statement-breakpoint
CREATE POLICY will_target_roles_with_will ON will_target_roles FOR SELECT
  USING (EXISTS (SELECT 1 FROM wills w WHERE w.person_id = will_target_roles.person_id));
--> statement-breakpoint
ALTER TABLE will_desired_skills ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY will_desired_skills_own ON will_desired_skills FOR ALL
  USING ((SELECT kakezan_system_scope()) OR person_id = (SELECT kakezan_actor_id()))
  WITH CHECK ((SELECT kakezan_system_scope()) OR person_id = (SELECT kakezan_actor_id()));
--> statement-breakpoint
CREATE POLICY will_desired_skills_with_will ON will_desired_skills FOR SELECT
  USING (EXISTS (SELECT 1 FROM wills w WHERE w.person_id = will_desired_skills.person_id));
--> statement-breakpoint
ALTER TABLE will_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY will_versions_own ON will_versions FOR ALL
  USING ((SELECT kakezan_system_scope()) OR person_id = (SELECT kakezan_actor_id()))
  WITH CHECK ((SELECT kakezan_system_scope()) OR person_id = (SELECT kakezan_actor_id()));
--> statement-breakpoint
ALTER TABLE conversation_private_notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY conversation_private_notes_author ON conversation_private_notes FOR ALL
  USING ((SELECT kakezan_system_scope()) OR author_id = (SELECT kakezan_actor_id()))
  WITH CHECK ((SELECT kakezan_system_scope()) OR author_id = (SELECT kakezan_actor_id()));
--> statement-breakpoint
ALTER TABLE applications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY applications_involved ON applications FOR ALL
  USING (
    (SELECT kakezan_system_scope())
    OR person_id = (SELECT kakezan_actor_id())
    OR (current_manager_id = (SELECT kakezan_actor_id()) AND disclosed_at IS NOT NULL)
    OR (SELECT kakezan_actor_is_hr())
    OR opportunity_id IN (SELECT o.id FROM opportunities o WHERE o.owner_id = (SELECT kakezan_actor_id()))
    OR id IN (SELECT kakezan_applications_to_approve())
  )
  WITH CHECK (
    (SELECT kakezan_system_scope())
    OR person_id = (SELECT kakezan_actor_id())
    OR (current_manager_id = (SELECT kakezan_actor_id()) AND disclosed_at IS NOT NULL)
    OR (SELECT kakezan_actor_is_hr())
    OR opportunity_id IN (SELECT o.id FROM opportunities o WHERE o.owner_id = (SELECT kakezan_actor_id()))
    OR id IN (SELECT kakezan_applications_to_approve())
  );
--> statement-breakpoint
ALTER TABLE approval_steps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A step is visible with its application (whose policy covers the step's approver); the system,
-- HR and the approver are answered first, without looking the application up.
CREATE POLICY approval_steps_with_application ON approval_steps FOR ALL
  USING (
    (SELECT kakezan_system_scope())
    OR (SELECT kakezan_actor_is_hr())
    OR approver_id = (SELECT kakezan_actor_id())
    OR EXISTS (SELECT 1 FROM applications a WHERE a.id = approval_steps.application_id)
  )
  WITH CHECK (
    (SELECT kakezan_system_scope())
    OR (SELECT kakezan_actor_is_hr())
    OR approver_id = (SELECT kakezan_actor_id())
    OR EXISTS (SELECT 1 FROM applications a WHERE a.id = approval_steps.application_id)
  );
