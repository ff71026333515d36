-- 0011 ad extras: the named extra fields of a site definition (ad.extras: age, work area, hours, a verified badge), read
-- with the version they belong to. A JSON object of name to text, sorted by name; NULL when the site has none or the
-- page showed none (so versions stored before extras existed keep their content hash).
ALTER TABLE ad_versions ADD COLUMN extras TEXT;
