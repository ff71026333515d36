-- The retention purge replaces a purged phone number in audit_log.target_id (a phone lookup) by "(purged)": an index, so
-- each purged number is a lookup instead of a scan of two years of audit log.
CREATE INDEX ix_audit_log_target ON audit_log(target_id);
