PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_scheduled_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`ref_id` text NOT NULL,
	`person_id` text NOT NULL,
	`plan_key` text NOT NULL,
	`due_at` integer NOT NULL,
	`claimed_until` integer DEFAULT 0 NOT NULL,
	`claim_token` text,
	`state` text,
	CONSTRAINT "scheduled_jobs_kind_check" CHECK("__new_scheduled_jobs"."kind" IN ('reminder', 'missedSession', 'complianceDrop', 'accountDeletion'))
);
--> statement-breakpoint
INSERT INTO `__new_scheduled_jobs`("id", "kind", "ref_id", "person_id", "plan_key", "due_at", "claimed_until", "claim_token", "state") SELECT "id", "kind", "ref_id", "person_id", "plan_key", "due_at", "claimed_until", "claim_token", "state" FROM `scheduled_jobs`;--> statement-breakpoint
DROP TABLE `scheduled_jobs`;--> statement-breakpoint
ALTER TABLE `__new_scheduled_jobs` RENAME TO `scheduled_jobs`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `scheduled_jobs_due_idx` ON `scheduled_jobs` (`due_at`);--> statement-breakpoint
CREATE INDEX `scheduled_jobs_ref_idx` ON `scheduled_jobs` (`ref_id`);