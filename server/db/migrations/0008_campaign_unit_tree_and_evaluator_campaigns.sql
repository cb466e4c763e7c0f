CREATE TABLE `campaign_unit_tree` (
	`campaign_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`parent_id` text,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`name_nl` text NOT NULL,
	`name_fr` text NOT NULL,
	`name_en` text NOT NULL,
	PRIMARY KEY(`campaign_id`, `unit_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `evaluator_campaigns` (
	`user_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `campaign_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
