PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_releases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` text NOT NULL,
	`built_at` text NOT NULL,
	`respondents` integer NOT NULL,
	`release` text NOT NULL,
	`servable` integer NOT NULL,
	`audited_after` integer DEFAULT 0 NOT NULL,
	`first_served_at` text,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_releases`("campaign_id", "built_at", "respondents", "release", "servable", "audited_after", "first_served_at") SELECT "campaign_id", "built_at", "respondents", "release", 1, 0, "built_at" FROM `releases`;--> statement-breakpoint
DROP TABLE `releases`;--> statement-breakpoint
ALTER TABLE `__new_releases` RENAME TO `releases`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `releases_campaign_id` ON `releases` (`campaign_id`,`id`);--> statement-breakpoint
ALTER TABLE `campaigns` ADD `interim_result_roles` text DEFAULT '' NOT NULL;