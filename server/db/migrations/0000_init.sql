-- Hand-edited after drizzle-kit generate: `responses` is WITHOUT ROWID so that storage
-- order follows the random primary key, not the order of submission.
CREATE TABLE `campaign_units` (
	`campaign_id` text NOT NULL,
	`unit_id` text NOT NULL,
	PRIMARY KEY(`campaign_id`, `unit_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`organisation_id` text NOT NULL,
	`questionnaire_version_id` text NOT NULL,
	`title_nl` text NOT NULL,
	`title_fr` text NOT NULL,
	`title_en` text NOT NULL,
	`opens_at` text NOT NULL,
	`closes_at` text NOT NULL,
	`min_cell_size` integer DEFAULT 5 NOT NULL,
	`locales` text DEFAULT 'nl,fr,en' NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`questionnaire_version_id`) REFERENCES `questionnaire_versions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "campaigns_min_cell_size_floor" CHECK("campaigns"."min_cell_size" >= 3)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_slug_unique` ON `campaigns` (`slug`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name_nl` text NOT NULL,
	`name_fr` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_slug_unique` ON `organisations` (`slug`);--> statement-breakpoint
CREATE TABLE `participation_daily` (
	`campaign_id` text NOT NULL,
	`day` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`campaign_id`, `day`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `questionnaire_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`questionnaire_id` text NOT NULL,
	`number` integer NOT NULL,
	`definition` text NOT NULL,
	`sha256` text NOT NULL,
	`published` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`questionnaire_id`) REFERENCES `questionnaires`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_versions_number` ON `questionnaire_versions` (`questionnaire_id`,`number`);--> statement-breakpoint
CREATE TABLE `questionnaires` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaires_slug_unique` ON `questionnaires` (`slug`);--> statement-breakpoint
CREATE TABLE `responses` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`answers` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `responses_campaign` ON `responses` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`parent_id` text,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`name_nl` text NOT NULL,
	`name_fr` text NOT NULL,
	`name_en` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_organisation_code` ON `units` (`organisation_id`,`code`);--> statement-breakpoint
CREATE INDEX `units_parent` ON `units` (`parent_id`);