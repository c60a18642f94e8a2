/** Migration 004: the timeline's packed agent weeks and roster generations. Never edit after release; add a new migration. */
export default `
-- The timeline's read model: one row per agent schedule that has shifts,
-- holding them and their activities packed (main/mirror/packed-week.ts).
-- It replaces shifts.activities_json: a 200-agent week read as 200 blobs is
-- several times cheaper than ~1,000 shift rows with JSON in them. The rows
-- and activities tables stay the record; this is derived from them, written
-- in the same transaction, and rebuilt from them by this migration.
-- first_start_ms/last_end_ms let the window skip an agent week that does not
-- reach it without unpacking it. A rowid table on purpose: a week packs to
-- ~1 KB, past what a WITHOUT ROWID row keeps on its page, and overflow pages
-- made the lookup three times slower.
CREATE TABLE timeline_weeks (
  schedule_id     TEXT NOT NULL,
  agent_id        TEXT NOT NULL,
  first_start_ms  INTEGER NOT NULL,
  last_end_ms     INTEGER NOT NULL,
  packed          BLOB NOT NULL,
  UNIQUE (schedule_id, agent_id),
  FOREIGN KEY (schedule_id, agent_id) REFERENCES agent_schedules (schedule_id, agent_id) ON DELETE CASCADE
);

-- Which schedules a window reaches, from their shifts (null: no shifts).
-- They replace max_shift_minutes, which bounded the old shift-row scan.
ALTER TABLE schedules DROP COLUMN max_shift_minutes;
ALTER TABLE schedules ADD COLUMN first_shift_start_ms INTEGER;
ALTER TABLE schedules ADD COLUMN last_shift_end_ms INTEGER;
UPDATE schedules SET
  first_shift_start_ms = (SELECT min(start_ms) FROM shifts WHERE shifts.schedule_id = schedules.id),
  last_shift_end_ms = (SELECT max(end_ms) FROM shifts WHERE shifts.schedule_id = schedules.id);

ALTER TABLE shifts DROP COLUMN activities_json;

-- The timeline keeps a unit's agents in memory (main/mirror/timeline-roster.ts)
-- and reads them again only when this unit's generation moved: a change to
-- its roster, by any connection. Writes elsewhere (the request audit, other
-- units) leave the copy alone. The name index now covers the management unit,
-- so reading a 5,000-agent roster is one index walk, not 5,000 lookups.
CREATE TABLE roster_generations (
  business_unit_id  TEXT PRIMARY KEY,
  generation        INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER agents_roster_insert AFTER INSERT ON agents BEGIN
  INSERT OR IGNORE INTO roster_generations VALUES (NEW.business_unit_id, 0);
  UPDATE roster_generations SET generation = generation + 1 WHERE business_unit_id = NEW.business_unit_id;
END;
CREATE TRIGGER agents_roster_update AFTER UPDATE OF business_unit_id, management_unit_id, name ON agents
  WHEN OLD.business_unit_id IS NOT NEW.business_unit_id OR OLD.management_unit_id IS NOT NEW.management_unit_id OR OLD.name IS NOT NEW.name
BEGIN
  INSERT OR IGNORE INTO roster_generations VALUES (NEW.business_unit_id, 0);
  UPDATE roster_generations SET generation = generation + 1 WHERE business_unit_id IN (OLD.business_unit_id, NEW.business_unit_id);
END;
CREATE TRIGGER agents_roster_delete AFTER DELETE ON agents BEGIN
  UPDATE roster_generations SET generation = generation + 1 WHERE business_unit_id = OLD.business_unit_id;
END;
DROP INDEX agents_by_name;
CREATE INDEX agents_by_name ON agents (business_unit_id, name, id, management_unit_id);
`;
