CREATE TABLE `assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`coach_id` text NOT NULL,
	`status` text NOT NULL,
	`assigned_by` text,
	`start_date` text,
	`end_date` text,
	`notes` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`seq` integer NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`coach_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "assignments_status_check" CHECK("assignments"."status" IN ('active', 'paused', 'completed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_seq_unique` ON `assignments` (`seq`);--> statement-breakpoint
CREATE INDEX `assignments_coach_idx` ON `assignments` (`coach_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_one_active_per_client` ON `assignments` (`client_id`) WHERE status = 'active' AND deleted = 0;--> statement-breakpoint
CREATE TABLE `exercises` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`video_url` text NOT NULL,
	`type` text NOT NULL,
	`pattern` text NOT NULL,
	`muscle_groups` text NOT NULL,
	`updated_at` text NOT NULL,
	`seq` integer NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "exercises_type_check" CHECK("exercises"."type" IN ('strength', 'cardio', 'flexibility', 'other')),
	CONSTRAINT "exercises_pattern_check" CHECK("exercises"."pattern" IN ('push', 'pull', 'squat', 'hinge', 'carry', 'core', 'cardio', 'mobility')),
	CONSTRAINT "exercises_muscle_groups_json" CHECK(json_valid(muscle_groups))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exercises_seq_unique` ON `exercises` (`seq`);--> statement-breakpoint
CREATE INDEX `exercises_owner_idx` ON `exercises` (`owner_id`);--> statement-breakpoint
CREATE TABLE `logs` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`client_id` text NOT NULL,
	`coach_id` text NOT NULL,
	`entries` text NOT NULL,
	`completed_at` text,
	`updated_at` text NOT NULL,
	`seq` integer NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`coach_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `logs_session_id_unique` ON `logs` (`session_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `logs_seq_unique` ON `logs` (`seq`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`author_id` text NOT NULL,
	`author_role` text NOT NULL,
	`coach_id` text NOT NULL,
	`client_id` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`seq` integer NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`coach_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "messages_kind_check" CHECK("messages"."kind" IN ('message', 'comment', 'system')),
	CONSTRAINT "messages_target_check" CHECK(("messages"."target_type" IS NULL) = ("messages"."target_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_seq_unique` ON `messages` (`seq`);--> statement-breakpoint
CREATE INDEX `messages_client_idx` ON `messages` (`client_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `notes` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`coach_id` text NOT NULL,
	`client_id` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`url` text NOT NULL,
	`resource_type` text NOT NULL,
	`is_private` integer NOT NULL,
	`week_of` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`seq` integer NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`coach_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notes_kind_check" CHECK("notes"."kind" IN ('note', 'summary', 'resource'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notes_seq_unique` ON `notes` (`seq`);--> statement-breakpoint
CREATE INDEX `notes_client_idx` ON `notes` (`client_id`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`coach_id` text NOT NULL,
	`client_id` text NOT NULL,
	`assignment_id` text,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`goals` text NOT NULL,
	`duration_weeks` integer NOT NULL,
	`start_date` text,
	`status` text NOT NULL,
	`days` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`seq` integer NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`coach_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plans_status_check" CHECK("plans"."status" IN ('draft', 'active', 'completed', 'archived')),
	CONSTRAINT "plans_duration_check" CHECK("plans"."duration_weeks" BETWEEN 1 AND 52),
	CONSTRAINT "plans_days_json" CHECK(json_valid(days))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_seq_unique` ON `plans` (`seq`);--> statement-breakpoint
CREATE INDEX `plans_client_idx` ON `plans` (`client_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `plans_one_active_per_assignment` ON `plans` (`assignment_id`) WHERE status = 'active' AND deleted = 0;--> statement-breakpoint
CREATE TABLE `recommendations` (
	`id` text PRIMARY KEY NOT NULL,
	`coach_id` text NOT NULL,
	`client_id` text NOT NULL,
	`kind` text NOT NULL,
	`priority` integer NOT NULL,
	`pattern` text,
	`exercise_id` text,
	`title` text NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`seq` integer NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`coach_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "recommendations_priority_check" CHECK("recommendations"."priority" BETWEEN 1 AND 3),
	CONSTRAINT "recommendations_status_check" CHECK("recommendations"."status" IN ('pending', 'approved', 'dismissed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recommendations_seq_unique` ON `recommendations` (`seq`);--> statement-breakpoint
CREATE INDEX `recommendations_client_idx` ON `recommendations` (`client_id`);--> statement-breakpoint
CREATE TABLE `refresh_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `refresh_tokens_user_idx` ON `refresh_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `seq_counter` (
	`id` integer PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`coach_id` text NOT NULL,
	`client_id` text NOT NULL,
	`due_date` text NOT NULL,
	`title` text NOT NULL,
	`notes` text NOT NULL,
	`exercises` text NOT NULL,
	`status` text NOT NULL,
	`submitted_at` text,
	`rejection` text,
	`plan_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`seq` integer NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`coach_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sessions_status_check" CHECK("sessions"."status" IN ('draft', 'published')),
	CONSTRAINT "sessions_exercises_json" CHECK(json_valid(exercises))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_seq_unique` ON `sessions` (`seq`);--> statement-breakpoint
CREATE INDEX `sessions_client_due_idx` ON `sessions` (`client_id`,`due_date`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`email` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`units` text NOT NULL,
	`is_personal_trainer` integer NOT NULL,
	`specializations` text NOT NULL,
	`certifications` text NOT NULL,
	`max_clients` integer NOT NULL,
	`hourly_rate` real,
	`bio` text NOT NULL,
	`years_experience` integer,
	`updated_at` text NOT NULL,
	`password_hash` text NOT NULL,
	`seq` integer NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	CONSTRAINT "users_role_check" CHECK("users"."role" IN ('coach', 'client', 'admin')),
	CONSTRAINT "users_units_check" CHECK("users"."units" IN ('kg', 'lb')),
	CONSTRAINT "users_max_clients_check" CHECK("users"."max_clients" >= 0),
	CONSTRAINT "users_specializations_json" CHECK(json_valid(specializations)),
	CONSTRAINT "users_certifications_json" CHECK(json_valid(certifications))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_seq_unique` ON `users` (`seq`);