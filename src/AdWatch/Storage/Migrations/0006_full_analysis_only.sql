-- 0006 full analysis only: every run recomputes everything, so nothing decides any more what a run may skip.

-- The watermark and the rules hash that chose between a full and an incremental run, and the mode itself.
ALTER TABLE analysis_runs DROP COLUMN mode;
ALTER TABLE analysis_runs DROP COLUMN max_observation_id;
ALTER TABLE analysis_runs DROP COLUMN max_extracted_at;
ALTER TABLE analysis_runs DROP COLUMN max_phone_status_at;
ALTER TABLE analysis_runs DROP COLUMN options_hash;

-- Served the incremental run's look-up of recent stays per location; the UNIQUE (location_id, ...) index covers the rest.
DROP INDEX ix_stays_location_end;
