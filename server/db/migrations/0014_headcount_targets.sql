CREATE TABLE `headcount_targets` (
	`organisation_id` text NOT NULL,
	`indicator_key` text NOT NULL,
	`dimension` text NOT NULL,
	`value` text NOT NULL,
	`job_level` text,
	`target` real,
	`position` integer NOT NULL,
	PRIMARY KEY(`organisation_id`, `indicator_key`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "headcount_targets_share" CHECK("headcount_targets"."target" IS NULL OR ("headcount_targets"."target" >= 0 AND "headcount_targets"."target" <= 1))
);
