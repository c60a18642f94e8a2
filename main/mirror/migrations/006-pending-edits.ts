/** Migration 006: the pending change set of each schedule (edits not yet published), with the bases publish rebases on. Never edit after release; add a new migration. */
export default `
-- The supervisor's edits to a schedule, kept until the guided publish
-- uploads them. No foreign key to schedules on purpose: the sync rewrites a
-- schedule (deletes and inserts it) whenever its version moves, and the
-- edits must outlive that with their bases as they were; a foreign key with
-- a cascade would delete them, one without would refuse the sync.
-- seq orders the change set (the undo stack); state 'undone' edits are the
-- redo stack, always after every 'applied' one. source_json and intent_json
-- are what was asked (EditSource, EditIntent); base_schedule_version is the
-- schedule's metadata.version in the mirror when the edit was made.
CREATE TABLE pending_edits (
  id                     TEXT PRIMARY KEY,
  business_unit_id       TEXT NOT NULL,
  schedule_id            TEXT NOT NULL,
  seq                    INTEGER NOT NULL,
  created_at             TEXT NOT NULL,
  label                  TEXT NOT NULL,
  source_json            TEXT NOT NULL,
  intent_json            TEXT NOT NULL,
  base_schedule_version  INTEGER NOT NULL,
  state                  TEXT NOT NULL CHECK (state IN ('applied', 'undone')),
  UNIQUE (schedule_id, seq)
);

-- What one edit did to one agent: the agent's whole week before and after
-- (AgentWeek as JSON), and the agent schedule's own version it was made on
-- (null: the agent had none). held_back: publish leaves the agent as they
-- are published now. A rowid table, not WITHOUT ROWID: its rows hold whole
-- weeks (kilobytes), and the indexes below answer "which edit last touched
-- each agent" without reading a single week.
CREATE TABLE pending_agent_changes (
  edit_id             TEXT NOT NULL REFERENCES pending_edits (id) ON DELETE CASCADE,
  agent_id            TEXT NOT NULL,
  base_agent_version  INTEGER,
  held_back           INTEGER NOT NULL DEFAULT 0,
  before_json         TEXT NOT NULL,
  after_json          TEXT NOT NULL,
  UNIQUE (edit_id, agent_id)
);
CREATE INDEX pending_agent_changes_by_agent ON pending_agent_changes (agent_id, edit_id);
`;
