CREATE TABLE `headcount_rows` (
	`date_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`job_level` text NOT NULL,
	`total` integer NOT NULL,
	`counts` text NOT NULL,
	PRIMARY KEY(`date_id`, `unit_id`, `job_level`),
	FOREIGN KEY (`date_id`) REFERENCES `headcount_dates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "headcount_rows_total" CHECK("headcount_rows"."total" >= 0)
);
--> statement-breakpoint
-- Written by hand (drizzle-kit only creates and drops): every stored count moves into its
-- unit and level's row, the total as `total`, the category counts as JSON with dimensions and
-- values in alphabetical order, as the importer writes them.
INSERT INTO `headcount_rows` (`date_id`, `unit_id`, `job_level`, `total`, `counts`)
SELECT `date_id`, `unit_id`, `job_level`, MAX(`total`),
	json_group_object(`dimension`, json(`counts`) ORDER BY `dimension`) FILTER (WHERE `dimension` <> 'total')
FROM (
	SELECT `date_id`, `unit_id`, `job_level`, `dimension`,
		CASE WHEN `dimension` = 'total' THEN MAX(`count`) END AS `total`,
		json_group_object(`value`, `count` ORDER BY `value`) AS `counts`
	FROM `headcount_counts`
	GROUP BY `date_id`, `unit_id`, `job_level`, `dimension`
)
GROUP BY `date_id`, `unit_id`, `job_level`;
--> statement-breakpoint
DROP TABLE `headcount_counts`;