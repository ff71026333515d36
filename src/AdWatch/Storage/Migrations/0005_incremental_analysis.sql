-- 0005 incremental analysis: what an incremental run needs to recompute only the affected part and still report everything.

-- The figures of a flag that the report prints, so the report is read from the database after any run.
ALTER TABLE flags ADD COLUMN advertiser_count INTEGER;
ALTER TABLE flags ADD COLUMN short_stay_count INTEGER;
ALTER TABLE flags ADD COLUMN phones_json TEXT;
ALTER TABLE flags ADD COLUMN ads_json TEXT;

CREATE INDEX ix_stays_location_end ON stays(location_id, end_at);

-- Advertisers seen in 3+ towns within the tour window, one in the region (the analysis' touring list).
CREATE TABLE touring (
    advertiser_id  BIGINT PRIMARY KEY REFERENCES advertisers(id),
    phones_json    TEXT NOT NULL,                       -- E.164 numbers
    places_json    TEXT NOT NULL                        -- town labels of the tour, in order of first visit
);
