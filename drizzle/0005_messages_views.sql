PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`author_id` text NOT NULL,
	`author_role` text NOT NULL,
	`coach_id` text NOT NULL,
	`client_id` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`target_entry_id` text,
	`rating` integer,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`seq` integer NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`coach_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "messages_kind_check" CHECK("__new_messages"."kind" IN ('message', 'comment', 'system', 'view')),
	CONSTRAINT "messages_target_check" CHECK(("__new_messages"."target_type" IS NULL) = ("__new_messages"."target_id" IS NULL)),
	CONSTRAINT "messages_rating_check" CHECK("__new_messages"."rating" IS NULL OR "__new_messages"."rating" BETWEEN 1 AND 5)
);
--> statement-breakpoint
INSERT INTO `__new_messages`("id", "kind", "author_id", "author_role", "coach_id", "client_id", "target_type", "target_id", "target_entry_id", "rating", "body", "created_at", "updated_at", "seq", "deleted") SELECT "id", "kind", "author_id", "author_role", "coach_id", "client_id", "target_type", "target_id", "target_entry_id", "rating", "body", "created_at", "updated_at", "seq", "deleted" FROM `messages`;--> statement-breakpoint
DROP TABLE `messages`;--> statement-breakpoint
ALTER TABLE `__new_messages` RENAME TO `messages`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `messages_seq_unique` ON `messages` (`seq`);--> statement-breakpoint
CREATE INDEX `messages_client_idx` ON `messages` (`client_id`,`created_at`);