CREATE TABLE `releases` (
	`campaign_id` text PRIMARY KEY NOT NULL,
	`built_at` text NOT NULL,
	`respondents` integer NOT NULL,
	`release` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
