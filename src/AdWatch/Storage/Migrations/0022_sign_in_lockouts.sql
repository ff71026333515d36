-- 0022 lockout that an attacker cannot turn against a user: failed sign-ins are counted per account AND per client (its IP
-- address; an IPv6 client by its /64 network), and a lockout holds only for the client that failed. Before, five failures
-- from anyone locked the account for everyone (users.failed_logins / users.locked_until, no longer written).
-- The client address is kept only while it matters: a row goes once its lockout has run out, or when its last failure is
-- older than the lockout time, and when that client signs in to that account.
CREATE TABLE sign_in_failures (
    user_name       TEXT NOT NULL,
    client          TEXT NOT NULL,
    failures        INTEGER NOT NULL,
    last_failed_at  BIGINT NOT NULL,
    locked_until    BIGINT,
    PRIMARY KEY (user_name, client)
);
