ALTER TABLE `units` ADD `headcount` integer;--> statement-breakpoint
ALTER TABLE `units` ADD `retired_at` text;