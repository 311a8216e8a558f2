CREATE TABLE `token_families` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`current_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text,
	`revoked_reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `token_families_user_idx` ON `token_families` (`user_id`);--> statement-breakpoint
ALTER TABLE `refresh_tokens` ADD `family_id` text REFERENCES token_families(id);