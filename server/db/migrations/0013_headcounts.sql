CREATE TABLE `headcount_counts` (
	`date_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`job_level` text NOT NULL,
	`dimension` text NOT NULL,
	`value` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`date_id`, `unit_id`, `job_level`, `dimension`, `value`),
	FOREIGN KEY (`date_id`) REFERENCES `headcount_dates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "headcount_counts_count" CHECK("headcount_counts"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE `headcount_dates` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`reference_date` text NOT NULL,
	`imported_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `headcount_dates_organisation_date` ON `headcount_dates` (`organisation_id`,`reference_date`);--> statement-breakpoint
CREATE TABLE `headcount_releases` (
	`organisation_id` text PRIMARY KEY NOT NULL,
	`built_at` text NOT NULL,
	`body` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
