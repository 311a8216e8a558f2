CREATE TABLE "assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"coach_id" text NOT NULL,
	"status" text NOT NULL,
	"assigned_by" text,
	"start_date" text,
	"end_date" text,
	"notes" text NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_clocks" json,
	CONSTRAINT "assignments_seq_unique" UNIQUE("seq"),
	CONSTRAINT "assignments_status_check" CHECK ("assignments"."status" IN ('active', 'paused', 'completed'))
);
--> statement-breakpoint
CREATE TABLE "exercises" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"video_url" text NOT NULL,
	"type" text NOT NULL,
	"pattern" text NOT NULL,
	"muscle_groups" json NOT NULL,
	"updated_at" text NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_clocks" json,
	CONSTRAINT "exercises_seq_unique" UNIQUE("seq"),
	CONSTRAINT "exercises_type_check" CHECK ("exercises"."type" IN ('strength', 'cardio', 'flexibility', 'other')),
	CONSTRAINT "exercises_pattern_check" CHECK ("exercises"."pattern" IN ('push', 'pull', 'squat', 'hinge', 'carry', 'core', 'cardio', 'mobility'))
);
--> statement-breakpoint
CREATE TABLE "logs" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"client_id" text NOT NULL,
	"coach_id" text NOT NULL,
	"entries" json NOT NULL,
	"completed_at" text,
	"updated_at" text NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_clocks" json,
	CONSTRAINT "logs_session_id_unique" UNIQUE("session_id"),
	CONSTRAINT "logs_seq_unique" UNIQUE("seq")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"author_id" text NOT NULL,
	"author_role" text NOT NULL,
	"coach_id" text NOT NULL,
	"client_id" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"target_entry_id" text,
	"rating" bigint,
	"body" text NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_clocks" json,
	CONSTRAINT "messages_seq_unique" UNIQUE("seq"),
	CONSTRAINT "messages_kind_check" CHECK ("messages"."kind" IN ('message', 'comment', 'system', 'view')),
	CONSTRAINT "messages_target_check" CHECK (("messages"."target_type" IS NULL) = ("messages"."target_id" IS NULL)),
	CONSTRAINT "messages_rating_check" CHECK ("messages"."rating" IS NULL OR "messages"."rating" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"coach_id" text NOT NULL,
	"client_id" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"url" text NOT NULL,
	"resource_type" text NOT NULL,
	"is_private" boolean NOT NULL,
	"week_of" text,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_clocks" json,
	CONSTRAINT "notes_seq_unique" UNIQUE("seq"),
	CONSTRAINT "notes_kind_check" CHECK ("notes"."kind" IN ('note', 'summary', 'resource'))
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" text PRIMARY KEY NOT NULL,
	"coach_id" text NOT NULL,
	"client_id" text NOT NULL,
	"assignment_id" text,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"goals" text NOT NULL,
	"duration_weeks" bigint NOT NULL,
	"start_date" text,
	"status" text NOT NULL,
	"days" json NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_clocks" json,
	CONSTRAINT "plans_seq_unique" UNIQUE("seq"),
	CONSTRAINT "plans_status_check" CHECK ("plans"."status" IN ('draft', 'active', 'completed', 'archived')),
	CONSTRAINT "plans_duration_check" CHECK ("plans"."duration_weeks" BETWEEN 1 AND 52)
);
--> statement-breakpoint
CREATE TABLE "rate_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"count" bigint NOT NULL,
	"window_start_ms" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" text PRIMARY KEY NOT NULL,
	"coach_id" text NOT NULL,
	"client_id" text NOT NULL,
	"kind" text NOT NULL,
	"priority" bigint NOT NULL,
	"pattern" text,
	"exercise_id" text,
	"title" text NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_clocks" json,
	CONSTRAINT "recommendations_seq_unique" UNIQUE("seq"),
	CONSTRAINT "recommendations_priority_check" CHECK ("recommendations"."priority" BETWEEN 1 AND 3),
	CONSTRAINT "recommendations_status_check" CHECK ("recommendations"."status" IN ('pending', 'approved', 'dismissed'))
);
--> statement-breakpoint
CREATE TABLE "refresh_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires_at" text NOT NULL,
	"revoked_at" text,
	"rotated_at" text,
	"replaced_by" text,
	"created_at" text NOT NULL,
	"family_id" text
);
--> statement-breakpoint
CREATE TABLE "seq_counter" (
	"id" bigint PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"coach_id" text NOT NULL,
	"client_id" text NOT NULL,
	"due_date" text NOT NULL,
	"title" text NOT NULL,
	"notes" text NOT NULL,
	"exercises" json NOT NULL,
	"status" text NOT NULL,
	"submitted_at" text,
	"rejection" text,
	"plan_id" text,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_clocks" json,
	CONSTRAINT "sessions_seq_unique" UNIQUE("seq"),
	CONSTRAINT "sessions_status_check" CHECK ("sessions"."status" IN ('draft', 'published'))
);
--> statement-breakpoint
CREATE TABLE "token_families" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"current_hash" text NOT NULL,
	"created_at" text NOT NULL,
	"revoked_at" text,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"role" text NOT NULL,
	"email" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"units" text NOT NULL,
	"is_personal_trainer" boolean NOT NULL,
	"specializations" json NOT NULL,
	"certifications" json NOT NULL,
	"max_clients" bigint NOT NULL,
	"hourly_rate" double precision,
	"bio" text NOT NULL,
	"years_experience" bigint,
	"updated_at" text NOT NULL,
	"password_hash" text NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_clocks" json,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_seq_unique" UNIQUE("seq"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" IN ('coach', 'client', 'admin')),
	CONSTRAINT "users_units_check" CHECK ("users"."units" IN ('kg', 'lb')),
	CONSTRAINT "users_max_clients_check" CHECK ("users"."max_clients" >= 0)
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logs" ADD CONSTRAINT "logs_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logs" ADD CONSTRAINT "logs_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logs" ADD CONSTRAINT "logs_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_family_id_token_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."token_families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "token_families" ADD CONSTRAINT "token_families_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_coach_idx" ON "assignments" USING btree ("coach_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_one_active_per_client" ON "assignments" USING btree ("client_id") WHERE status = 'active' AND deleted = false;--> statement-breakpoint
CREATE INDEX "exercises_owner_idx" ON "exercises" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "messages_client_idx" ON "messages" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "notes_client_idx" ON "notes" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "plans_client_idx" ON "plans" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_one_active_per_assignment" ON "plans" USING btree ("assignment_id") WHERE status = 'active' AND deleted = false;--> statement-breakpoint
CREATE INDEX "recommendations_client_idx" ON "recommendations" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "refresh_tokens_user_idx" ON "refresh_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_client_due_idx" ON "sessions" USING btree ("client_id","due_date");--> statement-breakpoint
CREATE INDEX "token_families_user_idx" ON "token_families" USING btree ("user_id");