-- Family data keys (JdbcFamilySealer), each wrapped under the master key; erasure sets wrapped_key NULL
-- and keeps the row, so that an erased family never gets a new key.
CREATE TABLE IF NOT EXISTS family_keys (
    family_id   UUID PRIMARY KEY,
    wrapped_key BYTEA,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    erased_at   TIMESTAMPTZ
);
