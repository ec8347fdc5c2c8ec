CREATE TYPE "public"."career_path_kind" AS ENUM('promotion', 'specialist', 'cross_functional');--> statement-breakpoint
CREATE TYPE "public"."scout_status" AS ENUM('pending', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."application_status" AS ENUM('active', 'withdrawn', 'declined', 'not_released', 'finalized', 'completed');--> statement-breakpoint
CREATE TYPE "public"."approval_step" AS ENUM('manager_release', 'hr_decline_review', 'hiring_decision', 'hr_finalize');--> statement-breakpoint
CREATE TYPE "public"."hiring_stage" AS ENUM('review', 'shortlisted', 'interview', 'offered');--> statement-breakpoint
CREATE TYPE "public"."opportunity_kind" AS ENUM('transfer', 'project', 'rotation', 'mentorship', 'casual_interview', 'trial_joining');--> statement-breakpoint
CREATE TYPE "public"."opportunity_skill_kind" AS ENUM('required', 'preferred', 'grows');--> statement-breakpoint
CREATE TYPE "public"."opportunity_status" AS ENUM('draft', 'open', 'closed', 'filled');--> statement-breakpoint
CREATE TYPE "public"."release_status" AS ENUM('not_requested', 'pending', 'approved', 'later', 'declined', 'overridden');--> statement-breakpoint
CREATE TYPE "public"."workplace" AS ENUM('onsite', 'hybrid', 'remote');--> statement-breakpoint
CREATE TYPE "public"."role_track" AS ENUM('management', 'specialist', 'cross_functional');--> statement-breakpoint
CREATE TYPE "public"."will_horizon" AS ENUM('now', 'one_year', 'three_years');--> statement-breakpoint
CREATE TYPE "public"."will_openness" AS ENUM('now', 'within_year', 'not_now');--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires" timestamp NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"email" text,
	"email_verified" timestamp,
	"image" text,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
CREATE TABLE "career_paths" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "career_paths_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"from_role_id" integer NOT NULL,
	"to_role_id" integer NOT NULL,
	"kind" "career_path_kind" NOT NULL,
	"note_ja" text DEFAULT '' NOT NULL,
	"note_en" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_level_skills" (
	"role_level_id" integer NOT NULL,
	"skill_id" integer NOT NULL,
	"level" smallint NOT NULL,
	CONSTRAINT "role_level_skills_role_level_id_skill_id_pk" PRIMARY KEY("role_level_id","skill_id"),
	CONSTRAINT "role_level_skills_level_range" CHECK ("role_level_skills"."level" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "role_levels" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "role_levels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"role_id" integer NOT NULL,
	"level" smallint NOT NULL,
	"standard_years" numeric(3, 1) NOT NULL,
	"key_experiences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"qualifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "role_levels_level_range" CHECK ("role_levels"."level" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "career_conversations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "career_conversations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"manager_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"shared_notes" text DEFAULT '' NOT NULL,
	"next_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversation_private_notes" (
	"conversation_id" integer PRIMARY KEY NOT NULL,
	"author_id" integer NOT NULL,
	"notes" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversation_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "conversation_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"conversation_id" integer NOT NULL,
	"description" text NOT NULL,
	"owner_id" integer NOT NULL,
	"due_on" date,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "match_scores" (
	"opportunity_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"rank" smallint NOT NULL,
	"score" real NOT NULL,
	"eligible" boolean NOT NULL,
	"explanation" jsonb NOT NULL,
	"policy_version" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "match_scores_opportunity_id_person_id_pk" PRIMARY KEY("opportunity_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "not_interested" (
	"person_id" integer NOT NULL,
	"opportunity_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "not_interested_person_id_opportunity_id_pk" PRIMARY KEY("person_id","opportunity_id")
);
--> statement-breakpoint
CREATE TABLE "scout_invites" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scout_invites_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"opportunity_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"from_id" integer NOT NULL,
	"message" text NOT NULL,
	"status" "scout_status" DEFAULT 'pending' NOT NULL,
	"response" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"processed_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"opportunity_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"motivation" text NOT NULL,
	"status" "application_status" DEFAULT 'active' NOT NULL,
	"hiring_stage" "hiring_stage" DEFAULT 'review' NOT NULL,
	"release_status" "release_status" DEFAULT 'not_requested' NOT NULL,
	"confidentiality" text NOT NULL,
	"current_manager_id" integer,
	"disclosed_at" timestamp with time zone,
	"release_on" date,
	"effective_on" date,
	"decision_reason" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "approval_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"application_id" integer NOT NULL,
	"step" "approval_step" NOT NULL,
	"approver_id" integer,
	"due_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by_id" integer,
	"decision" text,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"actor_id" integer NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"response" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_actor_id_key_pk" PRIMARY KEY("actor_id","key")
);
--> statement-breakpoint
CREATE TABLE "moves" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "moves_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"application_id" integer,
	"kind" "opportunity_kind" NOT NULL,
	"from_department_id" integer NOT NULL,
	"to_department_id" integer NOT NULL,
	"from_role_id" integer NOT NULL,
	"to_role_id" integer NOT NULL,
	"from_manager_id" integer,
	"to_manager_id" integer,
	"effective_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opportunities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" "opportunity_kind" NOT NULL,
	"status" "opportunity_status" DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"role_id" integer,
	"time_percent" smallint DEFAULT 100 NOT NULL,
	"start_on" date,
	"end_on" date,
	"slots" smallint DEFAULT 1 NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"workplace" "workplace" DEFAULT 'onsite' NOT NULL,
	"opened_at" timestamp with time zone,
	"fillable_from" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"created_by_id" integer NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_time_percent" CHECK ("opportunities"."time_percent" between 1 and 100),
	CONSTRAINT "opportunities_slots" CHECK ("opportunities"."slots" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "opportunity_skills" (
	"opportunity_id" integer NOT NULL,
	"skill_id" integer NOT NULL,
	"kind" "opportunity_skill_kind" NOT NULL,
	"level" smallint NOT NULL,
	CONSTRAINT "opportunity_skills_opportunity_id_skill_id_kind_pk" PRIMARY KEY("opportunity_id","skill_id","kind"),
	CONSTRAINT "opportunity_skills_level" CHECK ("opportunity_skills"."level" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "participations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "participations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"opportunity_id" integer NOT NULL,
	"application_id" integer,
	"time_percent" smallint NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"endorsed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "departments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"parent_id" integer,
	"location" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_families" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_families_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "roles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"family_id" integer NOT NULL,
	"track" "role_track" NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"description_ja" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "people_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"employee_number" text NOT NULL,
	"family_name" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name_kana" text NOT NULL,
	"given_name_kana" text NOT NULL,
	"business_name" text,
	"romanized_name" text NOT NULL,
	"email" text NOT NULL,
	"department_id" integer NOT NULL,
	"role_id" integer NOT NULL,
	"level" smallint NOT NULL,
	"manager_id" integer,
	"hired_on" date NOT NULL,
	"role_since" date NOT NULL,
	"level_since" date NOT NULL,
	"is_hr" boolean DEFAULT false NOT NULL,
	"is_admin" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"tagline" text DEFAULT '' NOT NULL,
	"show_skills_in_directory" boolean DEFAULT true NOT NULL,
	"open_to_scouting" boolean DEFAULT false NOT NULL,
	"profile_reviewed_at" timestamp with time zone,
	"user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_level_range" CHECK ("people"."level" between 1 and 4),
	CONSTRAINT "people_not_own_manager" CHECK ("people"."manager_id" is null or "people"."manager_id" <> "people"."id")
);
--> statement-breakpoint
CREATE TABLE "level_descriptors" (
	"level" smallint PRIMARY KEY NOT NULL,
	"title_ja" text NOT NULL,
	"title_en" text NOT NULL,
	"description_ja" text NOT NULL,
	"description_en" text NOT NULL,
	CONSTRAINT "level_descriptors_level_range" CHECK ("level_descriptors"."level" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "person_skills" (
	"person_id" integer NOT NULL,
	"skill_id" integer NOT NULL,
	"level" smallint NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"verified_by_id" integer,
	"verified_at" timestamp with time zone,
	"verification_note" text DEFAULT '' NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_skills_person_id_skill_id_pk" PRIMARY KEY("person_id","skill_id"),
	CONSTRAINT "person_skills_level_range" CHECK ("person_skills"."level" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "skill_adjacency" (
	"skill_a" integer NOT NULL,
	"skill_b" integer NOT NULL,
	"weight" real NOT NULL,
	CONSTRAINT "skill_adjacency_skill_a_skill_b_pk" PRIMARY KEY("skill_a","skill_b"),
	CONSTRAINT "skill_adjacency_ordered" CHECK ("skill_adjacency"."skill_a" < "skill_adjacency"."skill_b"),
	CONSTRAINT "skill_adjacency_weight" CHECK ("skill_adjacency"."weight" > 0 and "skill_adjacency"."weight" <= 1)
);
--> statement-breakpoint
CREATE TABLE "skill_categories" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skill_categories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skills_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"category_id" integer NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "will_desired_skills" (
	"person_id" integer NOT NULL,
	"skill_id" integer NOT NULL,
	CONSTRAINT "will_desired_skills_person_id_skill_id_pk" PRIMARY KEY("person_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "will_target_roles" (
	"person_id" integer NOT NULL,
	"role_id" integer NOT NULL,
	CONSTRAINT "will_target_roles_person_id_role_id_pk" PRIMARY KEY("person_id","role_id")
);
--> statement-breakpoint
CREATE TABLE "will_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "will_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"version" integer NOT NULL,
	"statement" text NOT NULL,
	"horizon" "will_horizon" NOT NULL,
	"openness" "will_openness" NOT NULL,
	"share_with_manager" boolean NOT NULL,
	"share_with_hr" boolean NOT NULL,
	"share_with_matching" boolean NOT NULL,
	"target_role_ids" integer[] NOT NULL,
	"desired_skill_ids" integer[] NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wills" (
	"person_id" integer PRIMARY KEY NOT NULL,
	"statement" text DEFAULT '' NOT NULL,
	"horizon" "will_horizon" DEFAULT 'one_year' NOT NULL,
	"openness" "will_openness" DEFAULT 'not_now' NOT NULL,
	"share_with_manager" boolean DEFAULT false NOT NULL,
	"share_with_hr" boolean DEFAULT false NOT NULL,
	"share_with_matching" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_paths" ADD CONSTRAINT "career_paths_from_role_id_roles_id_fk" FOREIGN KEY ("from_role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_paths" ADD CONSTRAINT "career_paths_to_role_id_roles_id_fk" FOREIGN KEY ("to_role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_level_skills" ADD CONSTRAINT "role_level_skills_role_level_id_role_levels_id_fk" FOREIGN KEY ("role_level_id") REFERENCES "public"."role_levels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_level_skills" ADD CONSTRAINT "role_level_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_levels" ADD CONSTRAINT "role_levels_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_conversations" ADD CONSTRAINT "career_conversations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_conversations" ADD CONSTRAINT "career_conversations_manager_id_people_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_private_notes" ADD CONSTRAINT "conversation_private_notes_conversation_id_career_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."career_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_private_notes" ADD CONSTRAINT "conversation_private_notes_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_steps" ADD CONSTRAINT "conversation_steps_conversation_id_career_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."career_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_steps" ADD CONSTRAINT "conversation_steps_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_scores" ADD CONSTRAINT "match_scores_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_scores" ADD CONSTRAINT "match_scores_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "not_interested" ADD CONSTRAINT "not_interested_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "not_interested" ADD CONSTRAINT "not_interested_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scout_invites" ADD CONSTRAINT "scout_invites_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scout_invites" ADD CONSTRAINT "scout_invites_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scout_invites" ADD CONSTRAINT "scout_invites_from_id_people_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_current_manager_id_people_id_fk" FOREIGN KEY ("current_manager_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_approver_id_people_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_decided_by_id_people_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moves" ADD CONSTRAINT "moves_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moves" ADD CONSTRAINT "moves_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moves" ADD CONSTRAINT "moves_from_department_id_departments_id_fk" FOREIGN KEY ("from_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moves" ADD CONSTRAINT "moves_to_department_id_departments_id_fk" FOREIGN KEY ("to_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moves" ADD CONSTRAINT "moves_from_role_id_roles_id_fk" FOREIGN KEY ("from_role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moves" ADD CONSTRAINT "moves_to_role_id_roles_id_fk" FOREIGN KEY ("to_role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moves" ADD CONSTRAINT "moves_from_manager_id_people_id_fk" FOREIGN KEY ("from_manager_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moves" ADD CONSTRAINT "moves_to_manager_id_people_id_fk" FOREIGN KEY ("to_manager_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_skills" ADD CONSTRAINT "opportunity_skills_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_skills" ADD CONSTRAINT "opportunity_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_parent_id_departments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_family_id_job_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."job_families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_manager_id_people_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_skills" ADD CONSTRAINT "person_skills_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_skills" ADD CONSTRAINT "person_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_skills" ADD CONSTRAINT "person_skills_verified_by_id_people_id_fk" FOREIGN KEY ("verified_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_adjacency" ADD CONSTRAINT "skill_adjacency_skill_a_skills_id_fk" FOREIGN KEY ("skill_a") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_adjacency" ADD CONSTRAINT "skill_adjacency_skill_b_skills_id_fk" FOREIGN KEY ("skill_b") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skills" ADD CONSTRAINT "skills_category_id_skill_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."skill_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_id_people_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "will_desired_skills" ADD CONSTRAINT "will_desired_skills_person_id_wills_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."wills"("person_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "will_desired_skills" ADD CONSTRAINT "will_desired_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "will_target_roles" ADD CONSTRAINT "will_target_roles_person_id_wills_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."wills"("person_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "will_target_roles" ADD CONSTRAINT "will_target_roles_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "will_versions" ADD CONSTRAINT "will_versions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wills" ADD CONSTRAINT "wills_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_user_id_index" ON "accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_id_index" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "career_paths_from_role_id_to_role_id_index" ON "career_paths" USING btree ("from_role_id","to_role_id");--> statement-breakpoint
CREATE INDEX "career_paths_to_role_id_index" ON "career_paths" USING btree ("to_role_id");--> statement-breakpoint
CREATE INDEX "role_level_skills_skill_id_index" ON "role_level_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_levels_role_id_level_index" ON "role_levels" USING btree ("role_id","level");--> statement-breakpoint
CREATE INDEX "career_conversations_person_id_held_on_index" ON "career_conversations" USING btree ("person_id","held_on");--> statement-breakpoint
CREATE INDEX "career_conversations_manager_id_index" ON "career_conversations" USING btree ("manager_id");--> statement-breakpoint
CREATE INDEX "conversation_private_notes_author_id_index" ON "conversation_private_notes" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "conversation_steps_conversation_id_index" ON "conversation_steps" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "conversation_steps_owner_id_index" ON "conversation_steps" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "match_scores_opportunity_id_rank_index" ON "match_scores" USING btree ("opportunity_id","rank");--> statement-breakpoint
CREATE INDEX "match_scores_person_id_index" ON "match_scores" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "not_interested_opportunity_id_index" ON "not_interested" USING btree ("opportunity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scout_invites_opportunity_id_person_id_index" ON "scout_invites" USING btree ("opportunity_id","person_id");--> statement-breakpoint
CREATE INDEX "scout_invites_person_id_status_index" ON "scout_invites" USING btree ("person_id","status");--> statement-breakpoint
CREATE INDEX "scout_invites_from_id_index" ON "scout_invites" USING btree ("from_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_event_id_person_id_kind_index" ON "notifications" USING btree ("event_id","person_id","kind");--> statement-breakpoint
CREATE INDEX "notifications_person_id_read_at_index" ON "notifications" USING btree ("person_id","read_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_event_id_index" ON "outbox" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("available_at","id") WHERE "outbox"."processed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_active_idx" ON "applications" USING btree ("person_id","opportunity_id") WHERE "applications"."status" in ('active', 'finalized');--> statement-breakpoint
CREATE INDEX "applications_opportunity_id_status_index" ON "applications" USING btree ("opportunity_id","status");--> statement-breakpoint
CREATE INDEX "applications_person_id_index" ON "applications" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "applications_current_manager_id_index" ON "applications" USING btree ("current_manager_id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_steps_application_id_step_index" ON "approval_steps" USING btree ("application_id","step");--> statement-breakpoint
CREATE INDEX "approval_steps_approver_id_index" ON "approval_steps" USING btree ("approver_id");--> statement-breakpoint
CREATE INDEX "approval_steps_decided_by_id_index" ON "approval_steps" USING btree ("decided_by_id");--> statement-breakpoint
CREATE INDEX "approval_steps_open_due_idx" ON "approval_steps" USING btree ("due_at") WHERE "approval_steps"."decided_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "moves_application_id_index" ON "moves" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "moves_person_id_index" ON "moves" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "moves_effective_on_index" ON "moves" USING btree ("effective_on");--> statement-breakpoint
CREATE INDEX "moves_from_department_id_index" ON "moves" USING btree ("from_department_id");--> statement-breakpoint
CREATE INDEX "moves_to_department_id_index" ON "moves" USING btree ("to_department_id");--> statement-breakpoint
CREATE INDEX "moves_from_role_id_index" ON "moves" USING btree ("from_role_id");--> statement-breakpoint
CREATE INDEX "moves_to_role_id_index" ON "moves" USING btree ("to_role_id");--> statement-breakpoint
CREATE INDEX "moves_from_manager_id_index" ON "moves" USING btree ("from_manager_id");--> statement-breakpoint
CREATE INDEX "moves_to_manager_id_index" ON "moves" USING btree ("to_manager_id");--> statement-breakpoint
CREATE INDEX "opportunities_status_kind_index" ON "opportunities" USING btree ("status","kind");--> statement-breakpoint
CREATE INDEX "opportunities_owner_id_index" ON "opportunities" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "opportunities_department_id_index" ON "opportunities" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "opportunities_role_id_index" ON "opportunities" USING btree ("role_id");--> statement-breakpoint
CREATE INDEX "opportunities_created_by_id_index" ON "opportunities" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "opportunity_skills_skill_id_index" ON "opportunity_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participations_application_id_index" ON "participations" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "participations_person_id_index" ON "participations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "participations_opportunity_id_index" ON "participations" USING btree ("opportunity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "departments_code_index" ON "departments" USING btree ("code");--> statement-breakpoint
CREATE INDEX "departments_parent_id_index" ON "departments" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_families_slug_index" ON "job_families" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "roles_slug_index" ON "roles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "roles_family_id_index" ON "roles" USING btree ("family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_employee_number_index" ON "people" USING btree ("employee_number");--> statement-breakpoint
CREATE UNIQUE INDEX "people_email_lower_idx" ON "people" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "people_user_id_index" ON "people" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "people_department_id_index" ON "people" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "people_role_id_index" ON "people" USING btree ("role_id");--> statement-breakpoint
CREATE INDEX "people_manager_id_index" ON "people" USING btree ("manager_id");--> statement-breakpoint
CREATE INDEX "person_skills_skill_id_index" ON "person_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "person_skills_verified_by_id_index" ON "person_skills" USING btree ("verified_by_id");--> statement-breakpoint
CREATE INDEX "skill_adjacency_skill_b_index" ON "skill_adjacency" USING btree ("skill_b");--> statement-breakpoint
CREATE UNIQUE INDEX "skill_categories_slug_index" ON "skill_categories" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "skills_slug_index" ON "skills" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "skills_category_id_index" ON "skills" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_type_entity_id_index" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_id_index" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_index" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "settings_updated_by_id_index" ON "settings" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "will_desired_skills_skill_id_index" ON "will_desired_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "will_target_roles_role_id_index" ON "will_target_roles" USING btree ("role_id");--> statement-breakpoint
CREATE UNIQUE INDEX "will_versions_person_id_version_index" ON "will_versions" USING btree ("person_id","version");