-- 0018 measures to the case system: a change of a measure's state on a location whose lead went to ZGW is sent as a status
-- on that lead's zaak, as an export row of kind 'zgw_status' naming the measure event. One row per (flag, measure event):
-- the unique index keeps a repeated sweep, or two workers, from sending the same change twice. NULLs are distinct, so the
-- other kinds (no measure event) are not constrained.
ALTER TABLE exports ADD COLUMN measure_event_id BIGINT REFERENCES measure_events(id);
CREATE UNIQUE INDEX ux_exports_flag_measure_event ON exports(flag_id, measure_event_id);
