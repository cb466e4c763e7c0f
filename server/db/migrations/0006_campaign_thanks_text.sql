ALTER TABLE `campaigns` ADD `thanks_nl` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `thanks_fr` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `thanks_en` text DEFAULT '' NOT NULL;