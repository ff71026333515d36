-- 0016 user organisation: every account belongs to one organisation of config/organisations.yaml (its key), which decides
-- which municipalities' locations the account may see (AccessScope). NULL: not assigned yet, and then the account sees no
-- dossier at all until an admin assigns one (`adwatch users organisation NAME KEY`): an existing account is not silently
-- given the whole region.
ALTER TABLE users ADD COLUMN organisation TEXT;
