ALTER TABLE `questionnaire_versions` ADD `created_at` text;--> statement-breakpoint
ALTER TABLE `questionnaire_versions` ADD `published_at` text;--> statement-breakpoint
ALTER TABLE `questionnaires` ADD `organisation_id` text REFERENCES organisations(id);--> statement-breakpoint
ALTER TABLE `questionnaires` ADD `bundled` integer DEFAULT false NOT NULL;