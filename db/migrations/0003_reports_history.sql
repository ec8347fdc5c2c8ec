-- Existing applications are attributed to where the applicant stands now: the best the data allows.
ALTER TABLE "applications" ADD COLUMN "applicant_department_id" integer;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "applicant_role_id" integer;--> statement-breakpoint
UPDATE "applications" a SET "applicant_department_id" = p."department_id", "applicant_role_id" = p."role_id" FROM "people" p WHERE p."id" = a."person_id";--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "applicant_department_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "applicant_role_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "left_on" date;--> statement-breakpoint
-- People already deactivated left on the day they were last changed.
UPDATE "people" SET "left_on" = ("updated_at" AT TIME ZONE 'Asia/Tokyo')::date WHERE NOT "active";--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_applicant_department_id_departments_id_fk" FOREIGN KEY ("applicant_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_applicant_role_id_roles_id_fk" FOREIGN KEY ("applicant_role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_applicant_department_id_created_at_index" ON "applications" USING btree ("applicant_department_id","created_at");--> statement-breakpoint
CREATE INDEX "applications_applicant_role_id_index" ON "applications" USING btree ("applicant_role_id");