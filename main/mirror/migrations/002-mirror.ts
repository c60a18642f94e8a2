/** Migration 002: the mirror of WFM data (business units down to activities), time off, script sessions, sync runs. Never edit after release; add a new migration. */
export default `-- The mirror of Genesys Cloud WFM data. Rows are keyed by Genesys ids
-- (UUIDs, unique across orgs). A business unit is listed per profile, because
-- two profiles may reach one org (client credentials and a supervisor
-- sign-in); what hangs below it is the same Genesys data and is shared.
-- Every fetched row carries fetched_at: the "as of" the UI shows offline.

-- A unit only listed (GET /businessunits) has no settings yet: time_zone,
-- start_day_of_week and fetched_at come with its first sync.
CREATE TABLE business_units (
  profile_id         TEXT NOT NULL,
  id                 TEXT NOT NULL,
  name               TEXT NOT NULL,
  time_zone          TEXT,
  start_day_of_week  TEXT,
  listed_at          TEXT NOT NULL,
  fetched_at         TEXT,
  PRIMARY KEY (profile_id, id)
);
CREATE INDEX business_units_by_id ON business_units (id);

CREATE TABLE management_units (
  id                TEXT PRIMARY KEY,
  business_unit_id  TEXT NOT NULL,
  name              TEXT NOT NULL,
  time_zone         TEXT,
  fetched_at        TEXT NOT NULL
);
CREATE INDEX management_units_by_business_unit ON management_units (business_unit_id, name);

-- Names sort and search case-insensitively, so the timeline's order-by-name
-- is read straight from the index.
CREATE TABLE agents (
  id                  TEXT PRIMARY KEY,
  business_unit_id    TEXT NOT NULL,
  management_unit_id  TEXT,
  name                TEXT NOT NULL COLLATE NOCASE,
  email               TEXT,
  fetched_at          TEXT NOT NULL
);
CREATE INDEX agents_by_name ON agents (business_unit_id, name, id);
CREATE INDEX agents_by_management_unit ON agents (business_unit_id, management_unit_id, name, id);

CREATE TABLE activity_codes (
  id                TEXT NOT NULL,
  business_unit_id  TEXT NOT NULL,
  name              TEXT NOT NULL,
  category          TEXT,
  paid              INTEGER,
  fetched_at        TEXT NOT NULL,
  PRIMARY KEY (business_unit_id, id)
);

-- agent_count (the agent schedules written with it) lets anyone check that a
-- mirrored schedule is complete; max_shift_minutes bounds the timeline's
-- index range scan for shifts that start before the window;
-- activity_codes_json lists the codes its shifts use, in the order the
-- packed activities of shifts.activities_json refer to them.
CREATE TABLE schedules (
  id                 TEXT PRIMARY KEY,
  business_unit_id   TEXT NOT NULL,
  week_date          TEXT NOT NULL,
  week_count         INTEGER NOT NULL,
  published          INTEGER NOT NULL,
  version            INTEGER NOT NULL,
  description        TEXT,
  modified_at        TEXT,
  agent_count        INTEGER NOT NULL,
  max_shift_minutes  INTEGER NOT NULL DEFAULT 0,
  activity_codes_json TEXT NOT NULL DEFAULT '[]',
  fetched_at         TEXT NOT NULL
);
CREATE INDEX schedules_by_week ON schedules (business_unit_id, week_date);

CREATE TABLE agent_schedules (
  schedule_id         TEXT NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
  agent_id            TEXT NOT NULL,
  management_unit_id  TEXT NOT NULL,
  version             INTEGER NOT NULL,
  modified_at         TEXT,
  fetched_at          TEXT NOT NULL,
  PRIMARY KEY (schedule_id, agent_id)
) WITHOUT ROWID;

-- Stored in (agent, start) order, because that is how the timeline reads
-- them: one agent's week is a few neighbouring pages, not a thousand
-- scattered ones. key is the mirror's own id for a shift (a Genesys shift id
-- is optional in the payload and not promised unique across schedules).
-- start_date keeps the instant exactly as Genesys sent it (the timezone-skew
-- analysis reads its form). activities_json is the timeline's read model: the
-- shift's activities (as in the activities table) packed as
-- [[startOffsetMs, lengthMinutes, codeIndex, paid], ...], codeIndex into its
-- schedule's activity_codes_json. Reading ~7,000 activity rows for a
-- 200-agent week costs more than the 5 ms a timeline scroll may take; ~1,000
-- short shift rows do not.
CREATE TABLE shifts (
  key              INTEGER NOT NULL,
  id               TEXT,
  schedule_id      TEXT NOT NULL,
  agent_id         TEXT NOT NULL,
  start_ms         INTEGER NOT NULL,
  end_ms           INTEGER NOT NULL,
  start_date       TEXT NOT NULL,
  length_minutes   INTEGER NOT NULL,
  manually_edited  INTEGER NOT NULL,
  activities_json  TEXT NOT NULL,
  PRIMARY KEY (agent_id, start_ms, key),
  FOREIGN KEY (schedule_id, agent_id) REFERENCES agent_schedules (schedule_id, agent_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE UNIQUE INDEX shifts_by_key ON shifts (key);
CREATE INDEX shifts_by_schedule_agent ON shifts (schedule_id, agent_id, start_ms);

CREATE TABLE activities (
  shift_key         INTEGER NOT NULL REFERENCES shifts (key) ON DELETE CASCADE,
  seq               INTEGER NOT NULL,
  start_ms          INTEGER NOT NULL,
  length_minutes    INTEGER NOT NULL,
  activity_code_id  TEXT NOT NULL,
  paid              INTEGER,
  description       TEXT,
  PRIMARY KEY (shift_key, seq)
) WITHOUT ROWID;

-- A BU-local date plus minute offsets, as Genesys sends it: converting here
-- would hide the very date-vs-UTC skew the analysis looks for.
CREATE TABLE full_day_time_off (
  schedule_id           TEXT NOT NULL,
  agent_id              TEXT NOT NULL,
  seq                   INTEGER NOT NULL,
  business_unit_date    TEXT NOT NULL,
  start_offset_minutes  INTEGER,
  end_offset_minutes    INTEGER,
  length_minutes        INTEGER NOT NULL,
  activity_code_id      TEXT NOT NULL,
  paid                  INTEGER,
  description           TEXT,
  time_off_request_id   TEXT,
  PRIMARY KEY (schedule_id, agent_id, seq),
  FOREIGN KEY (schedule_id, agent_id) REFERENCES agent_schedules (schedule_id, agent_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX full_day_time_off_by_agent_date ON full_day_time_off (agent_id, business_unit_date);

-- first_date/last_date (MU-local dates, partial days by their UTC date, as
-- the query filters them) let a sync replace exactly the requests of the
-- range it asked for.
CREATE TABLE time_off_requests (
  id                      TEXT PRIMARY KEY,
  management_unit_id      TEXT NOT NULL,
  agent_id                TEXT NOT NULL,
  status                  TEXT NOT NULL,
  is_full_day             INTEGER NOT NULL,
  activity_code_id        TEXT,
  dates_json              TEXT NOT NULL,
  partial_starts_json     TEXT NOT NULL,
  daily_duration_minutes  INTEGER NOT NULL,
  first_date              TEXT NOT NULL,
  last_date               TEXT NOT NULL,
  version                 INTEGER NOT NULL,
  fetched_at              TEXT NOT NULL
);
CREATE INDEX time_off_requests_by_unit_dates ON time_off_requests (management_unit_id, first_date);
CREATE INDEX time_off_requests_by_agent ON time_off_requests (agent_id);

-- Observed, not owned: "end" stays null while the conversation was still
-- active when last seen (seen_at).
CREATE TABLE script_sessions (
  conversation_id  TEXT PRIMARY KEY,
  agent_id         TEXT NOT NULL,
  script_id        TEXT NOT NULL,
  start            TEXT,
  "end"            TEXT,
  seen_at          TEXT NOT NULL
);
CREATE INDEX script_sessions_by_agent ON script_sessions (agent_id);

CREATE TABLE sync_runs (
  id                       INTEGER PRIMARY KEY,
  profile_id               TEXT NOT NULL,
  business_unit_id         TEXT NOT NULL,
  started_at               TEXT NOT NULL,
  finished_at              TEXT,
  status                   TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed', 'cancelled')),
  weeks_json               TEXT NOT NULL,
  requests                 INTEGER NOT NULL DEFAULT 0,
  schedules_fetched        INTEGER NOT NULL DEFAULT 0,
  schedules_unchanged      INTEGER NOT NULL DEFAULT 0,
  agent_schedules_written  INTEGER NOT NULL DEFAULT 0,
  error                    TEXT
);
CREATE INDEX sync_runs_by_business_unit ON sync_runs (profile_id, business_unit_id, id);
`;
