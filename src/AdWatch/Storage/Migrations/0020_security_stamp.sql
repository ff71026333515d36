-- 0020 revocable sessions: users.security_stamp is a random value that goes into the sign-in cookie. It is replaced when the
-- password is reset, the account is disabled, its organisation or role changes and when the user signs out; a cookie
-- carrying an older stamp is refused at its next check (at most a minute later), so a copied cookie dies with the session.
-- Existing accounts start with '' (a valid stamp until the first change); new accounts get a random one.
ALTER TABLE users ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
