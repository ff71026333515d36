-- 0002 analysis: text fingerprints and names per ad version, flag activity, and the analysis run log (watermark).
-- Same rules as 0001: {{ID}}/{{BLOB}} tokens, BIGINT Unix-ms times, SQL that runs on SQLite and PostgreSQL.

-- SimHash of the ad text with phone, address and name slots removed (two's complement of the 64-bit hash), and the
-- advertiser name found in title/body. Computed once per version; recomputed when extraction ran again afterwards.
ALTER TABLE ad_versions ADD COLUMN text_simhash BIGINT;
ALTER TABLE ad_versions ADD COLUMN advertiser_name TEXT;
ALTER TABLE ad_versions ADD COLUMN fingerprinted_at BIGINT;

-- A flag whose location no longer meets the rule stays (its review history and status belong to the analysts) but
-- becomes inactive; it turns active again, with the same status, when the location qualifies again.
ALTER TABLE flags ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE flags ADD COLUMN cleared_at BIGINT;

CREATE TABLE analysis_runs (
    id                   {{ID}},
    mode                 TEXT NOT NULL,                 -- full | incremental
    as_of                BIGINT NOT NULL,
    max_observation_id   BIGINT NOT NULL,               -- watermark: the newest observation this run saw
    max_extracted_at     BIGINT NOT NULL,
    max_phone_status_at  BIGINT NOT NULL,
    options_hash         TEXT NOT NULL,                 -- analysis.yaml + licensed venues: a change forces a full run
    started_at           BIGINT NOT NULL,
    finished_at          BIGINT NOT NULL,
    stats_json           TEXT NOT NULL
);
CREATE INDEX ix_analysis_runs_finished ON analysis_runs(finished_at);
