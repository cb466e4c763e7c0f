CREATE TABLE `code_distributors` (
	`campaign_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`campaign_id`, `user_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
