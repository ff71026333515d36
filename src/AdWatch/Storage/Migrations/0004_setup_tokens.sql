-- 0004 dashboard: the one-time administrator set-up link printed on first start. Only a SHA-256 of the token is kept, so
-- a copy of the database cannot be used to claim the installation.
CREATE TABLE setup_tokens (
    id           {{ID}},
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    used_at      BIGINT,
    used_by      TEXT
);
