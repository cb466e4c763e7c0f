CREATE TABLE `campaign_unit_mappings` (
	`campaign_id` text NOT NULL,
	`earlier_campaign_id` text NOT NULL,
	`earlier_unit_id` text NOT NULL,
	`later_unit_id` text NOT NULL,
	PRIMARY KEY(`campaign_id`, `earlier_campaign_id`, `earlier_unit_id`, `later_unit_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`earlier_campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`earlier_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`later_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
