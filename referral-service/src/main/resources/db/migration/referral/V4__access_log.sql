-- The Client Data Act's usage and disclosure log (AccessLog): append-only, ids and bases only.
CREATE TABLE IF NOT EXISTS access_log (
    id           BIGSERIAL PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL,
    kind         VARCHAR(20) NOT NULL,
    family_id    UUID NOT NULL,
    worker       TEXT,
    agency_id    UUID,
    purpose      TEXT NOT NULL,
    basis        TEXT,
    outcome      VARCHAR(20) NOT NULL,
    to_agency_id UUID,
    referral_id  UUID,
    event_id     VARCHAR(64) UNIQUE
);
-- Free text of any length the API accepts (a token's sub, a purpose, a 2,000-character legal basis with
-- its prefix): tables made by early releases with narrower columns are widened in place (else a no-op).
ALTER TABLE access_log ALTER COLUMN worker TYPE TEXT, ALTER COLUMN purpose TYPE TEXT,
    ALTER COLUMN basis TYPE TEXT;
CREATE INDEX IF NOT EXISTS access_log_family ON access_log (family_id, at);

CREATE OR REPLACE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the access log is append-only';
END $$;
DROP TRIGGER IF EXISTS access_log_no_change ON access_log;
CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
