CREATE TABLE `reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`author_id` text NOT NULL,
	`author_role` text NOT NULL,
	`client_id` text,
	`message` text NOT NULL,
	`repeat` text NOT NULL,
	`date` text,
	`weekdays` text NOT NULL,
	`time` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`seq` integer NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`field_clocks` text,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reminders_author_role_check" CHECK("reminders"."author_role" IN ('coach', 'client')),
	CONSTRAINT "reminders_repeat_check" CHECK("reminders"."repeat" IN ('once', 'weekly', 'eveBefore', 'sessionDay')),
	CONSTRAINT "reminders_weekdays_json" CHECK(json_valid(weekdays))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_seq_unique` ON `reminders` (`seq`);--> statement-breakpoint
CREATE INDEX `reminders_author_idx` ON `reminders` (`author_id`);--> statement-breakpoint
CREATE TABLE `scheduled_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`ref_id` text NOT NULL,
	`person_id` text NOT NULL,
	`plan_key` text NOT NULL,
	`due_at` integer NOT NULL,
	`claimed_until` integer DEFAULT 0 NOT NULL,
	`claim_token` text,
	`state` text,
	CONSTRAINT "scheduled_jobs_kind_check" CHECK("scheduled_jobs"."kind" IN ('reminder', 'missedSession', 'complianceDrop'))
);
--> statement-breakpoint
CREATE INDEX `scheduled_jobs_due_idx` ON `scheduled_jobs` (`due_at`);--> statement-breakpoint
CREATE INDEX `scheduled_jobs_ref_idx` ON `scheduled_jobs` (`ref_id`);