-- Idempotency-Key of a creating request (infra idempotency): the request's hash and the resource it made.
CREATE TABLE IF NOT EXISTS idempotency_keys (
    operation       TEXT        NOT NULL,
    principal       TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    request_hash    BYTEA       NOT NULL,
    resource_id     UUID        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (operation, principal, idempotency_key)
);
