CREATE TABLE "reminders" (
	"id" text PRIMARY KEY NOT NULL,
	"author_id" text NOT NULL,
	"author_role" text NOT NULL,
	"client_id" text,
	"message" text NOT NULL,
	"repeat" text NOT NULL,
	"date" text,
	"weekdays" json NOT NULL,
	"time" text NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"seq" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"field_clocks" json,
	CONSTRAINT "reminders_seq_unique" UNIQUE("seq"),
	CONSTRAINT "reminders_author_role_check" CHECK ("reminders"."author_role" IN ('coach', 'client')),
	CONSTRAINT "reminders_repeat_check" CHECK ("reminders"."repeat" IN ('once', 'weekly', 'eveBefore', 'sessionDay'))
);
--> statement-breakpoint
CREATE TABLE "scheduled_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"ref_id" text NOT NULL,
	"person_id" text NOT NULL,
	"plan_key" text NOT NULL,
	"due_at" bigint NOT NULL,
	"claimed_until" bigint DEFAULT 0 NOT NULL,
	"claim_token" text,
	"state" json,
	CONSTRAINT "scheduled_jobs_kind_check" CHECK ("scheduled_jobs"."kind" IN ('reminder', 'missedSession', 'complianceDrop'))
);
--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reminders_author_idx" ON "reminders" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "scheduled_jobs_due_idx" ON "scheduled_jobs" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "scheduled_jobs_ref_idx" ON "scheduled_jobs" USING btree ("ref_id");