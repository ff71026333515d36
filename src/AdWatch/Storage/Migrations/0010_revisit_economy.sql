-- 0010 revisit economy: an ad whose listing card did not change is seen from the listing, without fetching its page,
-- until its page was last verified more than listing.reverifyDays ago.

-- The hash of the ad's card on the listing when its page was last fetched (SHA-256 hex; NULL: not known).
ALTER TABLE ads ADD COLUMN card_hash TEXT;

-- The last time (the run's observation time) the ad page itself was fetched successfully: 200 or 304.
ALTER TABLE ads ADD COLUMN verified_at BIGINT;

-- The card hash the listing showed when the ad request was enqueued; stored on the ad after its page is fetched.
-- An ad seen from its unchanged card gets a row too: status 'done', outcome 'sighted', never fetched.
ALTER TABLE crawl_requests ADD COLUMN card_hash TEXT;

-- A site whose ad id is on the page only (ad.idSelector) finds a listed ad by the URL it was last fetched from.
CREATE INDEX ix_ads_url ON ads(site_id, url);
