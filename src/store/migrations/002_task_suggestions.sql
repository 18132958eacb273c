-- Suggested responsibility for a task imported from a report (lead units, co-units and
-- leaders with scores and reasons), kept apart from assignments: a suggestion is only
-- shown until the office accepts it or picks another.
ALTER TABLE tasks ADD COLUMN suggestion jsonb;
