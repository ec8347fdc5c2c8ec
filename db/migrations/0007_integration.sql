CREATE TYPE "public"."import_status" AS ENUM('running', 'dry_run', 'committed', 'failed');--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"source_system" text PRIMARY KEY NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_by_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"actor_id" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"source_system" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"status" "import_status" DEFAULT 'running' NOT NULL,
	"counts" jsonb DEFAULT '{"creates":0,"updates":0,"deactivations":0,"moves":0,"errors":0}'::jsonb NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"rows_total" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scim_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scim_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_updated_by_id_people_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scim_tokens" ADD CONSTRAINT "scim_tokens_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imports_actor_id_index" ON "imports" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "imports_started_at_index" ON "imports" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "imports_file_sha256_index" ON "imports" USING btree ("file_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "scim_tokens_token_hash_index" ON "scim_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "scim_tokens_created_by_id_index" ON "scim_tokens" USING btree ("created_by_id");--> statement-breakpoint
-- Imports, remembered mappings and SCIM tokens are administration: the runtime role (0002) reaches
-- them only in system scope, through the services that checked the caller is an administrator (or,
-- for SCIM, that the bearer token's hash matches an unrevoked row). The record of imports is
-- history and tokens are revoked, never removed.
REVOKE DELETE, TRUNCATE ON imports, scim_tokens FROM kakezan_app;
--> statement-breakpoint
ALTER TABLE imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY imports_system ON imports FOR ALL
  USING ((SELECT kakezan_system_scope()))
  WITH CHECK ((SELECT kakezan_system_scope()));
--> statement-breakpoint
ALTER TABLE import_mappings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY import_mappings_system ON import_mappings FOR ALL
  USING ((SELECT kakezan_system_scope()))
  WITH CHECK ((SELECT kakezan_system_scope()));
--> statement-breakpoint
ALTER TABLE scim_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY scim_tokens_system ON scim_tokens FOR ALL
  USING ((SELECT kakezan_system_scope()))
  WITH CHECK ((SELECT kakezan_system_scope()));
