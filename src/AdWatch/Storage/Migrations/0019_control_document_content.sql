-- 0019 control documents keep their bytes: the report, PV or photo a coordinator attaches to a control is stored here (size
-- capped, its kind read from its first bytes: PDF, PNG or JPEG), downloaded only as an attachment and only by those who may
-- open the location, and deleted with its control (Retention:EnforcementDays). Rows of 0014 have no content.
ALTER TABLE control_documents ADD COLUMN media_type TEXT;
ALTER TABLE control_documents ADD COLUMN content {{BLOB}};
