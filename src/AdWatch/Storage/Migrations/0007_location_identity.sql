-- 0007 location identity: why ads were (not) joined to a location, houses without an address, and the addresses analysts record
-- for them. Same rules as 0001: {{ID}} tokens, BIGINT Unix-ms times, SQL that runs on SQLite and PostgreSQL.

-- The identity decisions of the last run (JSON list of joins, Dutch and English text): which postcode- or street-only ads were
-- joined to this house and through what, which were not (ambiguous), what an unresolved location gathers. Shown in the dossier.
ALTER TABLE locations ADD COLUMN identity_json TEXT;

-- An unresolved location's flag whose evidence now lies at another location (its recorded address, or an older unresolved
-- location its evidence grew into) points to that location's flag; the flag itself, inactive, keeps its review history.
ALTER TABLE flags ADD COLUMN merged_into_flag_id BIGINT REFERENCES flags(id);

-- The address an analyst recorded for an unresolved location (places.precision = 'unresolved'): on the next analysis run its
-- ads join the location of that address. One current answer per unresolved place; who changed it when is in audit_log.
CREATE TABLE location_resolutions (
    id                   {{ID}},
    unresolved_place_id  BIGINT NOT NULL UNIQUE REFERENCES places(id),
    place_id             BIGINT NOT NULL REFERENCES places(id),
    recorded_by          TEXT NOT NULL,
    recorded_at          BIGINT NOT NULL
);
