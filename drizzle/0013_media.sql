CREATE TABLE `media` (
	`key` text PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`owner_id` text NOT NULL,
	`type` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "media_type_check" CHECK("media"."type" IN ('image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'video/webm', 'application/pdf'))
);
--> statement-breakpoint
CREATE INDEX `media_id_idx` ON `media` (`id`);--> statement-breakpoint
ALTER TABLE `exercises` ADD `media` text;--> statement-breakpoint
ALTER TABLE `notes` ADD `media` text;