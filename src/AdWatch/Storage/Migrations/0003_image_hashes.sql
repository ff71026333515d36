-- 0003 image hash cache. Ad images are hashed, never kept: this remembers the 64-bit pHash per image URL so that
-- re-running extraction (after a fix or a gazetteer update) needs no new download.
CREATE TABLE image_hashes (
    url         TEXT PRIMARY KEY,
    phash       BIGINT,                                 -- null: the image could not be fetched or decoded
    problem     TEXT,
    fetched_at  BIGINT NOT NULL
);
