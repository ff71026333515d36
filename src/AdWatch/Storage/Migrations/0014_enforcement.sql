-- 0014 enforcement: what a control at a location found and which administrative measure followed (issue 15). Same rules as
-- 0001: {{ID}} tokens, BIGINT Unix-ms times, SQL that runs on SQLite and PostgreSQL. Calendar dates (the day of a control,
-- a term's end, a closure's first and last day) are TEXT 'yyyy-MM-dd': they are days in the municipality, not instants.

-- A control at a location (PCT, boa, wijkagent, …): who took part (comma-separated list of pct|boa|wijkagent|other), the kind
-- of premises (woning|bedrijfspand|hotel|other), what was found, whether help was offered. Several per location.
CREATE TABLE controls (
    id                    {{ID}},
    location_id           BIGINT NOT NULL REFERENCES locations(id),
    controlled_on         TEXT NOT NULL,
    by_whom               TEXT NOT NULL,
    premises              TEXT NOT NULL,
    illegal_prostitution  BOOLEAN NOT NULL,
    persons_checked       INTEGER NOT NULL,
    persons_illegal       INTEGER NOT NULL,
    trafficking_signals   BOOLEAN NOT NULL,
    care_offered          BOOLEAN NOT NULL,
    note                  TEXT,
    recorded_by           TEXT NOT NULL,
    recorded_at           BIGINT NOT NULL
);
CREATE INDEX ix_controls_location ON controls(location_id);
CREATE INDEX ix_controls_on ON controls(controlled_on);

-- Documents attached to a control (the bestuurlijke rapportage, photos): name, size and SHA-256 of the stored bytes.
CREATE TABLE control_documents (
    id          {{ID}},
    control_id  BIGINT NOT NULL REFERENCES controls(id),
    name        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    bytes       BIGINT NOT NULL,
    added_by    TEXT NOT NULL,
    added_at    BIGINT NOT NULL
);
CREATE INDEX ix_control_documents_control ON control_documents(control_id);

-- An administrative measure on a location: its legal type (dwangsom|bestuursdwang|sluiting|waarschuwing), the dwangsom's
-- amount in euro cents, the end of the begunstigingstermijn, a closure's first and last day, and its current state
-- (intended|imposed|forfeited|executed|lifted|in_objection). Every change of state is a row in measure_events.
CREATE TABLE measures (
    id              {{ID}},
    location_id     BIGINT NOT NULL REFERENCES locations(id),
    legal_type      TEXT NOT NULL,
    amount_cents    BIGINT,
    term_ends_on    TEXT,
    starts_on       TEXT,
    ends_on         TEXT,
    state           TEXT NOT NULL,
    note            TEXT,
    created_by      TEXT NOT NULL,
    created_at      BIGINT NOT NULL
);
CREATE INDEX ix_measures_location ON measures(location_id);

-- The history of a measure's state: from_state is NULL for the row that records it (intended or imposed); on is the day the
-- change took legal effect (a year's figures count by it), at when it was recorded.
CREATE TABLE measure_events (
    id          {{ID}},
    measure_id  BIGINT NOT NULL REFERENCES measures(id),
    from_state  TEXT,
    to_state    TEXT NOT NULL,
    on_date     TEXT NOT NULL,
    actor       TEXT NOT NULL,
    note        TEXT,
    at          BIGINT NOT NULL
);
CREATE INDEX ix_measure_events_measure ON measure_events(measure_id);
CREATE INDEX ix_measure_events_on ON measure_events(on_date);
