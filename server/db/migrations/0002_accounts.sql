-- Hand-edited after drizzle-kit generate: `invitation_codes` is WITHOUT ROWID so that storage
-- order follows the keyed hash, not the order of generation or redemption; campaigns that
-- existed before the lifecycle get a status from their dates (closed once past, else open).
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`actor_email` text,
	`organisation_id` text,
	`action` text NOT NULL,
	`target` text,
	`detail` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_organisation` ON `audit_log` (`organisation_id`,`id`);--> statement-breakpoint
CREATE TABLE `invitation_codes` (
	`hash` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`used` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "invitation_codes_used_flag" CHECK("invitation_codes"."used" in (0, 1))
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `invitation_codes_campaign_unit` ON `invitation_codes` (`campaign_id`,`unit_id`);--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`window_ends_at` text NOT NULL,
	`locked_until` text
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`organisation_id` text,
	`unit_id` text,
	`locale` text DEFAULT 'nl' NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
ALTER TABLE `campaigns` ADD `status` text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `access_mode` text DEFAULT 'open-link' NOT NULL;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `retention_days` integer DEFAULT 365 NOT NULL;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `results_viewed_at` text;--> statement-breakpoint
UPDATE `campaigns` SET `status` = CASE WHEN `closes_at` <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now') THEN 'closed' ELSE 'open' END;
