/** Migration 005: short-term forecasts' staffing requirements, and which forecast each schedule names. Never edit after release; add a new migration. */
export default `
-- The short-term forecasts mirrored schedules were built against
-- (BuScheduleMetadata.shortTermForecast), one row per forecast, as its
-- staffing requirement answered (BuForecastStaffingRequirementsResultResponse).
-- A forecast is fetched once, when a schedule first names it: the
-- reference carries no version to tell it changed.
CREATE TABLE staffing_forecasts (
  business_unit_id         TEXT NOT NULL,
  forecast_id              TEXT NOT NULL,
  week_date                TEXT NOT NULL,
  week_count               INTEGER NOT NULL,
  description              TEXT,
  reference_start_date     TEXT NOT NULL,
  interval_length_minutes  INTEGER NOT NULL,
  state                    TEXT,
  fetched_at               TEXT NOT NULL,
  PRIMARY KEY (business_unit_id, forecast_id)
) WITHOUT ROWID;

-- One row per week of a forecast. week_date is the BU week it is (the
-- forecast's week_date plus its week offset); start_ms the instant of its
-- first interval (the reference start moved on by whole weeks of the BU's
-- wall clock), then interval_count intervals of interval_length_minutes
-- each, as Genesys sent them. required_json is the required staff per
-- interval summed over the planning groups; planning_groups_json keeps each
-- group's own values: [{"planningGroupId": …, "required": […]}, …].
CREATE TABLE staffing_requirements (
  business_unit_id         TEXT NOT NULL,
  forecast_id              TEXT NOT NULL,
  week_number              INTEGER NOT NULL,
  week_date                TEXT NOT NULL,
  start_ms                 INTEGER NOT NULL,
  interval_length_minutes  INTEGER NOT NULL,
  interval_count           INTEGER NOT NULL,
  required_json            TEXT NOT NULL,
  planning_groups_json     TEXT NOT NULL,
  PRIMARY KEY (business_unit_id, forecast_id, week_number),
  FOREIGN KEY (business_unit_id, forecast_id) REFERENCES staffing_forecasts (business_unit_id, forecast_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX staffing_requirements_by_week ON staffing_requirements (business_unit_id, week_date);

-- Which forecast each mirrored schedule names. No foreign key to schedules
-- on purpose: a schedule is rewritten (deleted and inserted) whenever its
-- version moves, and its link must survive that; the sync drops links of
-- schedules no longer mirrored, and forecasts no schedule names.
CREATE TABLE schedule_forecasts (
  schedule_id         TEXT PRIMARY KEY,
  business_unit_id    TEXT NOT NULL,
  forecast_id         TEXT NOT NULL,
  forecast_week_date  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX schedule_forecasts_by_forecast ON schedule_forecasts (business_unit_id, forecast_id);
`;
