-- 0012 phones read from ad images by OCR (tesseract). Like image_hashes, a cache per image URL so an image is OCRed once,
-- also when extraction is re-run: phones_json is the JSON array of {"e164","text"} the reader validated (often []).
CREATE TABLE image_phones (
    url          TEXT PRIMARY KEY,
    phones_json  TEXT NOT NULL,
    read_at      BIGINT NOT NULL
);

-- Where an ad's phone was found: 'text' (the ad's own fields and links) or 'image' (OCR of one of its images). Analysis
-- treats both alike; the dossier can show the origin. A number in both keeps 'text'.
ALTER TABLE ad_phones ADD COLUMN source TEXT NOT NULL DEFAULT 'text';
