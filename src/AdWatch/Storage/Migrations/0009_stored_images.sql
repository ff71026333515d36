-- 0009 stored images: ad photos are kept as evidence, so a dossier shows them without contacting the ad site and after the
-- ad is gone. Each distinct image is stored once, re-encoded (no EXIF, GPS, ICC or XMP metadata survives), keyed by the
-- SHA-256 of the stored bytes; the retention purge deletes an image once no remaining ad uses it.
CREATE TABLE stored_images (
    sha256        TEXT PRIMARY KEY,                     -- of the stored, re-encoded bytes
    content_type  TEXT NOT NULL,                        -- image/jpeg
    width         INTEGER NOT NULL,
    height        INTEGER NOT NULL,
    byte_size     BIGINT NOT NULL,
    stored_at     BIGINT NOT NULL,
    content       {{BLOB}} NOT NULL
);

-- The link from an image URL (fetched once, cached in image_hashes) to its stored copy; null: not stored, and
-- store_problem says why (too large, not decodable, keeping images is off) unless the row is from before this migration.
ALTER TABLE image_hashes ADD COLUMN image_sha256 TEXT REFERENCES stored_images(sha256);
ALTER TABLE image_hashes ADD COLUMN store_problem TEXT;
CREATE INDEX ix_image_hashes_image ON image_hashes(image_sha256);
