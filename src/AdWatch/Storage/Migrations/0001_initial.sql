-- 0001 initial schema. Never edit a landed migration: add the next number instead.
-- Runs on SQLite and PostgreSQL: {{ID}} and {{BLOB}} are filled in by SqlDialect.
-- Every *_at column is a BIGINT of Unix milliseconds, UTC. Booleans are BOOLEAN (0/1 in SQLite).

-- Sites and crawling -------------------------------------------------------------------------------------------
CREATE TABLE sites (
    id               {{ID}},
    name             TEXT NOT NULL UNIQUE,
    base_url         TEXT,
    fetch_mode       TEXT NOT NULL DEFAULT 'http',      -- http | browser | import
    import_only      BOOLEAN NOT NULL DEFAULT FALSE,
    definition_hash  TEXT,                              -- SHA-256 of the YAML last loaded
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);

CREATE TABLE crawl_runs (
    id                {{ID}},
    site_id           BIGINT NOT NULL REFERENCES sites(id),
    trigger           TEXT NOT NULL,                    -- schedule | cli | demo | import
    status            TEXT NOT NULL,                    -- running | completed | suspect | failed
    observed_at       BIGINT NOT NULL,                  -- the run's observation time (replayable clock)
    started_at        BIGINT NOT NULL,
    finished_at       BIGINT,
    lease_owner       TEXT,
    lease_expires_at  BIGINT,
    stats_json        TEXT,
    health_note       TEXT
);
CREATE INDEX ix_crawl_runs_site ON crawl_runs(site_id, started_at);

CREATE TABLE crawl_requests (
    id                {{ID}},
    run_id            BIGINT NOT NULL REFERENCES crawl_runs(id),
    url               TEXT NOT NULL,
    kind              TEXT NOT NULL,                    -- listing | ad | robots
    page_number       INTEGER,
    status            TEXT NOT NULL,                    -- pending | leased | done | failed
    attempts          INTEGER NOT NULL DEFAULT 0,      -- leases taken (a crashed lease counts)
    retries           INTEGER NOT NULL DEFAULT 0,      -- HTTP retries inside the last attempt
    outcome           TEXT,                             -- new | changed | unchanged | gone | listing | skipped
    lease_owner       TEXT,
    lease_expires_at  BIGINT,
    http_status       INTEGER,
    bytes             BIGINT,
    error_kind        TEXT,
    error_message     TEXT,
    fetched_at        BIGINT,
    UNIQUE (run_id, url)
);
CREATE INDEX ix_crawl_requests_run_status ON crawl_requests(run_id, status);

CREATE TABLE crawl_error_snapshots (
    run_id       BIGINT NOT NULL REFERENCES crawl_runs(id),
    error_kind   TEXT NOT NULL,
    url          TEXT NOT NULL,
    evidence_id  BIGINT,
    message      TEXT,
    captured_at  BIGINT NOT NULL,
    PRIMARY KEY (run_id, error_kind)
);

-- Ads, their versions, observations and evidence ----------------------------------------------------------------
CREATE TABLE evidence_blobs (
    id            {{ID}},
    sha256        TEXT NOT NULL UNIQUE,                 -- of the raw, uncompressed bytes
    url           TEXT NOT NULL,
    content_type  TEXT,
    http_status   INTEGER,
    captured_at   BIGINT NOT NULL,
    length        BIGINT NOT NULL,
    compression   TEXT NOT NULL DEFAULT 'gzip',
    content       {{BLOB}} NOT NULL
);

CREATE TABLE ads (
    id                   {{ID}},
    site_id              BIGINT NOT NULL REFERENCES sites(id),
    external_id          TEXT NOT NULL,
    url                  TEXT NOT NULL,
    status               TEXT NOT NULL DEFAULT 'active', -- active | missing | gone
    first_seen_at        BIGINT NOT NULL,
    last_seen_at         BIGINT NOT NULL,
    gone_at              BIGINT,
    missing_runs         INTEGER NOT NULL DEFAULT 0,
    current_version_id   BIGINT,
    etag                 TEXT,
    last_modified        TEXT,
    UNIQUE (site_id, external_id)
);
CREATE INDEX ix_ads_status ON ads(site_id, status);

CREATE TABLE ad_versions (
    id             {{ID}},
    ad_id          BIGINT NOT NULL REFERENCES ads(id),
    content_hash   TEXT NOT NULL,
    title          TEXT,
    body_text      TEXT,
    location_text  TEXT,
    phone_text     TEXT,
    posted_text    TEXT,
    image_urls     TEXT,                                -- JSON array
    first_seen_at  BIGINT NOT NULL,
    evidence_id    BIGINT REFERENCES evidence_blobs(id),
    extracted_at   BIGINT,                              -- null: extraction still to run
    UNIQUE (ad_id, content_hash)
);

CREATE TABLE observations (
    id           {{ID}},
    ad_id        BIGINT NOT NULL REFERENCES ads(id),
    version_id   BIGINT NOT NULL REFERENCES ad_versions(id),
    run_id       BIGINT REFERENCES crawl_runs(id),
    source       TEXT NOT NULL,                         -- crawl | import
    observed_at  BIGINT NOT NULL,
    UNIQUE (ad_id, observed_at)
);
CREATE INDEX ix_observations_time ON observations(observed_at);
CREATE INDEX ix_observations_run ON observations(run_id);

-- Extraction and geocoding --------------------------------------------------------------------------------------
CREATE TABLE phones (
    id           {{ID}},
    e164         TEXT NOT NULL UNIQUE,
    region_code  TEXT,                                  -- ISO country, e.g. NL, CO
    status       TEXT NOT NULL DEFAULT 'ok',            -- ok | generic | bad
    status_note  TEXT,
    status_by    TEXT,
    status_at    BIGINT
);

CREATE TABLE ad_phones (
    version_id  BIGINT NOT NULL REFERENCES ad_versions(id),
    phone_id    BIGINT NOT NULL REFERENCES phones(id),
    raw         TEXT NOT NULL,
    obfuscated  BOOLEAN NOT NULL,
    PRIMARY KEY (version_id, phone_id)
);
CREATE INDEX ix_ad_phones_phone ON ad_phones(phone_id);

CREATE TABLE places (
    id                 {{ID}},
    key                TEXT NOT NULL UNIQUE,            -- normalised identity, e.g. 'pc6:3841AB:12' or 'place:hierden'
    label              TEXT NOT NULL,
    precision          TEXT NOT NULL,                   -- address | postcode | street | neighbourhood | place | region | none
    street             TEXT,
    house_number       TEXT,
    postcode           TEXT,
    place_name         TEXT,
    municipality_code  TEXT,
    in_region          BOOLEAN NOT NULL,
    lat                DOUBLE PRECISION,
    lon                DOUBLE PRECISION,
    source             TEXT NOT NULL,                   -- gazetteer | pdok
    geocoded_at        BIGINT NOT NULL
);
CREATE INDEX ix_places_municipality ON places(municipality_code);

CREATE TABLE ad_places (
    version_id  BIGINT NOT NULL REFERENCES ad_versions(id),
    place_id    BIGINT NOT NULL REFERENCES places(id),
    raw         TEXT NOT NULL,
    PRIMARY KEY (version_id, place_id)
);
CREATE INDEX ix_ad_places_place ON ad_places(place_id);

CREATE TABLE ad_indicators (
    version_id  BIGINT NOT NULL REFERENCES ad_versions(id),
    code        TEXT NOT NULL,
    evidence    TEXT NOT NULL,
    PRIMARY KEY (version_id, code)
);

CREATE TABLE ad_images (
    version_id  BIGINT NOT NULL REFERENCES ad_versions(id),
    url         TEXT NOT NULL,
    phash       BIGINT,                                 -- 64-bit DCT perceptual hash, two's complement
    PRIMARY KEY (version_id, url)
);
CREATE INDEX ix_ad_images_phash ON ad_images(phash);

CREATE TABLE geocode_cache (
    provider    TEXT NOT NULL,
    query       TEXT NOT NULL,
    response    TEXT NOT NULL,
    fetched_at  BIGINT NOT NULL,
    PRIMARY KEY (provider, query)
);

-- Analysis ------------------------------------------------------------------------------------------------------
CREATE TABLE operators (
    id          {{ID}},
    phone_id    BIGINT NOT NULL UNIQUE REFERENCES phones(id),
    created_at  BIGINT NOT NULL
);

CREATE TABLE advertisers (
    id             {{ID}},
    key            TEXT NOT NULL UNIQUE,                -- stable identity across re-analyses
    label          TEXT NOT NULL,
    operator_id    BIGINT REFERENCES operators(id),
    first_seen_at  BIGINT NOT NULL,
    last_seen_at   BIGINT NOT NULL
);

CREATE TABLE advertiser_ads (
    advertiser_id  BIGINT NOT NULL REFERENCES advertisers(id),
    ad_id          BIGINT NOT NULL REFERENCES ads(id),
    link_kind      TEXT NOT NULL,                       -- phone | image | text | name | self
    confidence     DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (advertiser_id, ad_id)
);
CREATE INDEX ix_advertiser_ads_ad ON advertiser_ads(ad_id);

CREATE TABLE locations (
    id                 {{ID}},
    place_id           BIGINT NOT NULL UNIQUE REFERENCES places(id),
    licensed_venue     TEXT,                            -- name of the licensed venue at this place, if any
    first_seen_at      BIGINT NOT NULL,
    last_seen_at       BIGINT NOT NULL
);

CREATE TABLE stays (
    id             {{ID}},
    location_id    BIGINT NOT NULL REFERENCES locations(id),
    advertiser_id  BIGINT NOT NULL REFERENCES advertisers(id),
    start_at       BIGINT NOT NULL,
    end_at         BIGINT NOT NULL,
    ad_count       INTEGER NOT NULL,
    link_kind      TEXT NOT NULL,                       -- address | phone | image | template
    confidence     DOUBLE PRECISION NOT NULL,
    UNIQUE (location_id, advertiser_id, start_at)
);
CREATE INDEX ix_stays_advertiser ON stays(advertiser_id);

CREATE TABLE flags (
    id                {{ID}},
    location_id       BIGINT NOT NULL UNIQUE REFERENCES locations(id),
    score             DOUBLE PRECISION NOT NULL,
    status            TEXT NOT NULL DEFAULT 'new',      -- new | in_review | inspection_proposed | inspected | closed | dismissed
    reasons_json      TEXT NOT NULL,
    first_flagged_at  BIGINT NOT NULL,
    computed_at       BIGINT NOT NULL,
    as_of             BIGINT NOT NULL,
    assigned_to       TEXT
);
CREATE INDEX ix_flags_score ON flags(score);

-- Review, users, audit, exports ---------------------------------------------------------------------------------
CREATE TABLE users (
    id               {{ID}},
    name             TEXT NOT NULL UNIQUE,
    role             TEXT NOT NULL,                     -- analyst | coordinator | admin
    password_hash    TEXT,
    disabled         BOOLEAN NOT NULL DEFAULT FALSE,
    failed_logins    INTEGER NOT NULL DEFAULT 0,
    locked_until     BIGINT,
    last_visit_at    BIGINT,
    created_at       BIGINT NOT NULL
);

CREATE TABLE reviews (
    id            {{ID}},
    flag_id       BIGINT NOT NULL REFERENCES flags(id),
    actor         TEXT NOT NULL,
    from_status   TEXT NOT NULL,
    to_status     TEXT NOT NULL,
    note          TEXT,
    assigned_to   TEXT,
    at            BIGINT NOT NULL
);
CREATE INDEX ix_reviews_flag ON reviews(flag_id, at);

CREATE TABLE audit_log (
    id           {{ID}},
    at           BIGINT NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,                         -- view | change | export | purge | sign_in | ...
    target_kind  TEXT NOT NULL,
    target_id    TEXT,
    detail       TEXT
);
CREATE INDEX ix_audit_log_at ON audit_log(at);

CREATE TABLE exports (
    id             {{ID}},
    flag_id        BIGINT REFERENCES flags(id),
    kind           TEXT NOT NULL,                       -- zgw | webhook | csv | json
    status         TEXT NOT NULL,                       -- pending | running | done | failed
    requested_by   TEXT NOT NULL,
    attempts       INTEGER NOT NULL DEFAULT 0,
    outbox_json    TEXT NOT NULL DEFAULT '{}',          -- URLs each step created, so a retry resumes
    last_error     TEXT,
    created_at     BIGINT NOT NULL,
    completed_at   BIGINT
);
CREATE INDEX ix_exports_flag ON exports(flag_id);
