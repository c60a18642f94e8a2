/** Migration 003: the latest analysis of each business-unit week. Never edit after release; add a new migration. */
export default `
-- Findings of the last analysis run per BU week, so the console shows them
-- at once (and offline) and a sync that changes the week replaces them.
CREATE TABLE week_analyses (
  business_unit_id  TEXT NOT NULL,
  week_date         TEXT NOT NULL,
  time_zone         TEXT NOT NULL,
  analysed_at       TEXT NOT NULL,
  findings_json     TEXT NOT NULL,
  PRIMARY KEY (business_unit_id, week_date)
);
`;
