-- One-use links for families to give their own feedback on a session (FeedbackLinks). Only the SHA-256
-- of a link's code is kept: the code itself is shown once, to the facilitator who asked for it.
CREATE TABLE IF NOT EXISTS feedback_link (
    code_hash    BYTEA PRIMARY KEY,
    programme_id UUID NOT NULL,
    session_id   UUID NOT NULL,
    issued_by    VARCHAR(200) NOT NULL,
    issued_at    TIMESTAMPTZ NOT NULL,
    used_at      TIMESTAMPTZ,
    feedback_id  UUID
);
CREATE INDEX IF NOT EXISTS feedback_link_session ON feedback_link (session_id);
