-- 0015 flag reactivation: when a flag that had stopped qualifying (inactive) qualifies again, the run records when
-- (reactivated_at = that run's as-of). A flag an analyst had closed or dismissed is then reopened as 'new' with a
-- reviews row by 'adwatch', so new activity at a location someone already decided on surfaces again instead of keeping
-- its old date and status.
ALTER TABLE flags ADD COLUMN reactivated_at BIGINT;
