-- 0017 alerts: what users watch, what AdWatch raised, and who was told how. An alert is raised once per event (its key):
-- a new flag, new activity at a flag that qualifies again, or a new ad at a watched location or phone. Each recipient gets
-- an inbox row; e-mail goes out at once or in the daily digest, as the user chose (users.alert_delivery).
ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN alert_delivery TEXT NOT NULL DEFAULT 'digest';   -- immediate | digest | inbox

CREATE TABLE watches (
    id          {{ID}},
    user_name   TEXT NOT NULL,
    kind        TEXT NOT NULL,                     -- location | phone
    target      TEXT NOT NULL,                     -- location id, or phone E.164
    created_at  BIGINT NOT NULL,
    UNIQUE (user_name, kind, target)
);

CREATE TABLE alerts (
    id                 {{ID}},
    key                TEXT NOT NULL UNIQUE,       -- the event, e.g. flag:12:first:1680000000000; raising it twice does nothing
    kind               TEXT NOT NULL,              -- new-flag | new-activity | watch
    location_id        BIGINT REFERENCES locations(id),
    municipality_code  TEXT,
    summary_nl         TEXT NOT NULL,
    summary_en         TEXT NOT NULL,
    evidence_json      TEXT NOT NULL,              -- ad ids, captures with SHA-256, the link that tied them
    raised_at          BIGINT NOT NULL,
    webhook_sent_at    BIGINT                      -- when the signed webhook took it (Exports:Webhook); NULL: not sent (yet)
);

CREATE TABLE alert_inbox (
    alert_id    BIGINT NOT NULL REFERENCES alerts(id),
    user_name   TEXT NOT NULL,
    reason      TEXT NOT NULL,                     -- municipality | watch
    read_at     BIGINT,
    emailed_at  BIGINT,
    PRIMARY KEY (alert_id, user_name)
);
CREATE INDEX alert_inbox_user ON alert_inbox (user_name, read_at);
