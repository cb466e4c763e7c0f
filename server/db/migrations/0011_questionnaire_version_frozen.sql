-- A published questionnaire version is frozen: its text and hash (and which questionnaire and
-- number it is) never change, it is never unpublished and never deleted. The services already
-- refuse this (409 `published`); these triggers make the database refuse it too, whoever writes.
-- Written by hand: drizzle-kit has no notation for triggers (`db:generate --custom`).
CREATE TRIGGER `questionnaire_version_frozen_update`
BEFORE UPDATE ON `questionnaire_versions`
FOR EACH ROW WHEN OLD.`published` = 1 AND (
  NEW.`definition` IS NOT OLD.`definition`
  OR NEW.`sha256` IS NOT OLD.`sha256`
  OR NEW.`published` IS NOT OLD.`published`
  OR NEW.`questionnaire_id` IS NOT OLD.`questionnaire_id`
  OR NEW.`number` IS NOT OLD.`number`
  OR NEW.`id` IS NOT OLD.`id`
)
BEGIN
  SELECT RAISE(ABORT, 'questionnaire version is published: it never changes');
END;
--> statement-breakpoint
CREATE TRIGGER `questionnaire_version_frozen_delete`
BEFORE DELETE ON `questionnaire_versions`
FOR EACH ROW WHEN OLD.`published` = 1
BEGIN
  SELECT RAISE(ABORT, 'questionnaire version is published: it is never deleted');
END;
