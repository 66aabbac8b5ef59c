-- referral-service's own tables as it made them before schema migrations: AccessLog's constructor DDL
-- and db/referral-schema.sql (spring.sql.init), verbatim.
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
-- Free text of any length the API accepts (a token's sub, a purpose, a 2,000-character legal
-- basis with its prefix): tables made with narrower columns are widened in place.
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
CREATE TABLE IF NOT EXISTS scheduled_tasks (
    task_name            TEXT NOT NULL,
    task_instance        TEXT NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX IF NOT EXISTS execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX IF NOT EXISTS last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX IF NOT EXISTS priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
