CREATE TABLE `headcount_release_dates` (
	`organisation_id` text NOT NULL,
	`reference_date` text NOT NULL,
	`body` text NOT NULL,
	PRIMARY KEY(`organisation_id`, `reference_date`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Written by hand (drizzle-kit only creates): each stored release's dates move into their own
-- rows, as JSON text of the same content, and the release keeps `"dates":[]` in their place.
INSERT INTO `headcount_release_dates` (`organisation_id`, `reference_date`, `body`)
SELECT r.`organisation_id`, json_extract(d.`value`, '$.referenceDate'), d.`value`
FROM `headcount_releases` r, json_each(r.`body`, '$.dates') d;
--> statement-breakpoint
UPDATE `headcount_releases` SET `body` = json_set(`body`, '$.dates', json('[]'));
