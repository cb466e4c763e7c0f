CREATE TABLE `sending_progress` (
	`campaign_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`listed` integer NOT NULL,
	`already_invited` integer,
	`sent` integer,
	`failed` integer,
	`done` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_action_target` ON `audit_log` (`action`,`target`,`id`);