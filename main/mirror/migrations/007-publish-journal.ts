/** Migration 007: the guided publish's journal (issue 15): each publish and every step, written before each call to Genesys. Never edit after release; add a new migration. */
export default `
-- One row per publish. state_json is the machine's whole PublishState
-- (shared/publish/machine-state.ts), rewritten in the same transaction as
-- the step that made it, so a crash leaves the state and its last step
-- together. outcome: NULL while unfinished (resumed on the next start),
-- 'done', 'failed', or 'cancelled' (kept for the report, never resumed).
-- run_job_id: the job registry's id of the run working on it now (or last).
CREATE TABLE publish_jobs (
  id                TEXT PRIMARY KEY,
  profile_id        TEXT NOT NULL,
  business_unit_id  TEXT NOT NULL,
  schedule_id       TEXT NOT NULL,
  week_date         TEXT NOT NULL,
  state_json        TEXT NOT NULL,
  phase             TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  outcome           TEXT CHECK (outcome IN ('done', 'failed', 'cancelled')),
  run_job_id        TEXT
);
CREATE INDEX publish_jobs_unfinished ON publish_jobs (outcome, profile_id, business_unit_id, schedule_id);
CREATE INDEX publish_jobs_by_update ON publish_jobs (updated_at);

-- The step timeline and audit trail: a call is written (status 'sent')
-- before it is made and completed when its answer comes ('answered');
-- waits ('waiting' until they run out) and the supervisor's decisions too.
-- request: what was sent, in words (never a token or a signed URL).
CREATE TABLE publish_steps (
  job_id       TEXT NOT NULL REFERENCES publish_jobs (id) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  at           TEXT NOT NULL,
  answered_at  TEXT,
  phase        TEXT NOT NULL,
  kind         TEXT NOT NULL,
  attempt      INTEGER,
  request      TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('sent', 'answered', 'waiting', 'done')),
  http_status  INTEGER,
  context_id   TEXT,
  wait_reason  TEXT,
  wait_until   TEXT,
  note         TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (job_id, seq)
) WITHOUT ROWID;
`;
