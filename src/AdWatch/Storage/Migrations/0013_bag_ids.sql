-- 0013 BAG ids of a place, as PDOK's Locatieserver returns them for an address: the nummeraanduiding (the address itself,
-- 16 digits, e.g. 0243200000012345) and the adresseerbaar object it belongs to (usually the verblijfsobject, else a
-- ligplaats or standplaats), plus the object's gebruiksdoel(en) when an optional BAG lookup knows them (comma separated,
-- e.g. 'woonfunctie'). All NULL for gazetteer (offline) places, streets, postcodes and places geocoded before 0013.
ALTER TABLE places ADD COLUMN bag_nummeraanduiding_id TEXT;
ALTER TABLE places ADD COLUMN bag_adresseerbaarobject_id TEXT;
ALTER TABLE places ADD COLUMN bag_gebruiksdoel TEXT;
