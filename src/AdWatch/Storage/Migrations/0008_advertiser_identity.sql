-- 0008 advertiser identity: what analysis decided about who an advertiser is, for the dossier.

-- Ads that carry only an operator's booking number: kept as evidence, never counted as an advertiser.
ALTER TABLE advertisers ADD COLUMN operator_only BOOLEAN NOT NULL DEFAULT FALSE;

-- The identity decisions (phone change, operator-only, a site's wording set aside as a name) in Dutch and English, as
-- flags.reasons_json stores reasons; NULL when there are none.
ALTER TABLE advertisers ADD COLUMN identity_json TEXT;
