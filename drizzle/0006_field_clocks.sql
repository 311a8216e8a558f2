ALTER TABLE `assignments` ADD `field_clocks` text;--> statement-breakpoint
ALTER TABLE `exercises` ADD `field_clocks` text;--> statement-breakpoint
ALTER TABLE `logs` ADD `field_clocks` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `field_clocks` text;--> statement-breakpoint
ALTER TABLE `notes` ADD `field_clocks` text;--> statement-breakpoint
ALTER TABLE `plans` ADD `field_clocks` text;--> statement-breakpoint
ALTER TABLE `recommendations` ADD `field_clocks` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `field_clocks` text;--> statement-breakpoint
ALTER TABLE `users` ADD `field_clocks` text;