/** Migration 001: connection profiles and the request audit. Never edit after release; add a new migration. */
export default `-- Connection profiles: only what is not secret. Client secrets and tokens
-- live in the vault, never here.
CREATE TABLE connection_profiles (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('region', 'custom', 'sandbox')),
  region      TEXT,
  base_url    TEXT,
  grant_type  TEXT NOT NULL CHECK (grant_type IN ('client_credentials', 'authorization_code')),
  client_id   TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK ((kind = 'region' AND region IS NOT NULL) OR (kind <> 'region' AND base_url IS NOT NULL))
);

-- Every request made to Genesys Cloud, for the Activity log. No bodies,
-- no headers, no tokens: the path template keeps ids of people out.
CREATE TABLE request_audit (
  id             INTEGER PRIMARY KEY,
  at             TEXT NOT NULL,
  profile_id     TEXT NOT NULL,
  method         TEXT NOT NULL,
  path_template  TEXT NOT NULL,
  status         INTEGER,
  duration_ms    INTEGER NOT NULL,
  attempt        INTEGER NOT NULL,
  context_id     TEXT,
  error_kind     TEXT
);
CREATE INDEX request_audit_by_time ON request_audit (at);
CREATE INDEX request_audit_by_profile ON request_audit (profile_id, at);
`;
