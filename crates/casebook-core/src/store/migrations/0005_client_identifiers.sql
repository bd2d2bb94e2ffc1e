-- The identifiers people quote for a client: nDelius CRN, PNC ID and NHS
-- number, each optional and checked before it is stored. Indexed for
-- search and for spotting a probable duplicate before a client is added.

ALTER TABLE clients ADD COLUMN crn TEXT;
ALTER TABLE clients ADD COLUMN pnc_id TEXT;
ALTER TABLE clients ADD COLUMN nhs_number TEXT;

CREATE INDEX clients_by_crn ON clients (crn) WHERE crn IS NOT NULL;
CREATE INDEX clients_by_pnc_id ON clients (pnc_id) WHERE pnc_id IS NOT NULL;
CREATE INDEX clients_by_nhs_number ON clients (nhs_number) WHERE nhs_number IS NOT NULL;
