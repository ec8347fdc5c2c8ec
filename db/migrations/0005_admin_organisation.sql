CREATE TYPE "public"."move_kind" AS ENUM('transfer', 'project', 'rotation', 'mentorship', 'casual_interview', 'trial_joining', 'reorganisation', 'promotion');--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "memberships_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"role_id" integer NOT NULL,
	"time_percent" smallint NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_time_percent" CHECK ("memberships"."time_percent" between 1 and 100),
	CONSTRAINT "memberships_dates" CHECK ("memberships"."end_on" is null or "memberships"."end_on" >= "memberships"."start_on")
);
--> statement-breakpoint
ALTER TABLE "moves" ALTER COLUMN "kind" SET DATA TYPE "public"."move_kind" USING "kind"::text::"public"."move_kind";--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "head_id" integer;--> statement-breakpoint
ALTER TABLE "job_families" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "roles" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "skills" ADD COLUMN "description_ja" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "skills" ADD COLUMN "description_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "skills" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memberships_person_id_index" ON "memberships" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "memberships_department_id_index" ON "memberships" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "memberships_role_id_index" ON "memberships" USING btree ("role_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_one_open_idx" ON "memberships" USING btree ("person_id","department_id") WHERE "memberships"."end_on" is null;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_head_id_people_id_fk" FOREIGN KEY ("head_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "departments_head_id_index" ON "departments" USING btree ("head_id");--> statement-breakpoint
-- The runtime role (0002) reads concurrent posts as the directory and teams show them, and changes
-- them only through the organisation services, which run in system scope. Ended posts are history:
-- they are closed with end_on, never removed.
GRANT SELECT, INSERT, UPDATE ON memberships TO kakezan_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON memberships FROM kakezan_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE memberships_id_seq TO kakezan_app;
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY memberships_signed_in_read ON memberships FOR SELECT
  USING ((SELECT kakezan_system_scope()) OR (SELECT kakezan_actor_id()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY memberships_system_write ON memberships FOR ALL
  USING ((SELECT kakezan_system_scope()))
  WITH CHECK ((SELECT kakezan_system_scope()));
