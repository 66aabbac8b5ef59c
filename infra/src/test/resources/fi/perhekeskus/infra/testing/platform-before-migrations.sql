-- The platform's tables as the services made them at start-up before schema migrations: Axon's
-- PostgresEventTableFactory, PostgresTokenTableFactory and the BYTEA dead-letter factory (statements as
-- Axon 4.13 generated them), IdempotencyAutoConfiguration's and JdbcFamilySealer's DDL. Kept verbatim.
CREATE TABLE IF NOT EXISTS DomainEventEntry (
globalIndex BIGSERIAL NOT NULL,
aggregateIdentifier VARCHAR(255) NOT NULL,
sequenceNumber BIGINT NOT NULL,
type VARCHAR(255),
eventIdentifier VARCHAR(255) NOT NULL,
metaData bytea,
payload bytea NOT NULL,
payloadRevision VARCHAR(255),
payloadType VARCHAR(255) NOT NULL,
timeStamp  VARCHAR(255) NOT NULL  ,
PRIMARY KEY (globalIndex),
UNIQUE (aggregateIdentifier, sequenceNumber),
UNIQUE (eventIdentifier)
);
CREATE TABLE IF NOT EXISTS SnapshotEventEntry (
aggregateIdentifier VARCHAR(255) NOT NULL,
sequenceNumber BIGINT NOT NULL,
type VARCHAR(255) NOT NULL,
eventIdentifier VARCHAR(255) NOT NULL,
metaData bytea,
payload bytea NOT NULL,
payloadRevision VARCHAR(255),
payloadType VARCHAR(255) NOT NULL,
timeStamp  VARCHAR(255) NOT NULL  ,
PRIMARY KEY (aggregateIdentifier, sequenceNumber),
UNIQUE (eventIdentifier)
);
CREATE TABLE IF NOT EXISTS TokenEntry (
processorName VARCHAR(255) NOT NULL,
segment INTEGER NOT NULL,
token bytea NULL,
tokenType VARCHAR(255) NULL,
timestamp VARCHAR(255) NULL,
owner VARCHAR(255) NULL,
PRIMARY KEY (processorName,segment)
);
CREATE TABLE IF NOT EXISTS DeadLetterEntry (
deadLetterIdentifier VARCHAR(255) NOT NULL,
processingGroup VARCHAR(255) NOT NULL,
sequenceIdentifier VARCHAR(255) NOT NULL,
sequenceIndex BIGINT NOT NULL,
messageType VARCHAR(255) NOT NULL,
eventIdentifier VARCHAR(255) NOT NULL,
timestamp VARCHAR(255) NOT NULL,
payloadType VARCHAR(255) NOT NULL,
payloadRevision VARCHAR(255),
payload BYTEA NOT NULL,
metaData BYTEA,
type VARCHAR(255),
aggregateIdentifier VARCHAR(255),
sequenceNumber BIGINT,
tokenType VARCHAR(255),
token BYTEA,
enqueuedAt VARCHAR(255) NOT NULL,
lastTouched VARCHAR(255),
processingStarted VARCHAR(255),
causeType VARCHAR(255),
causeMessage VARCHAR(1023),
diagnostics BYTEA,
CONSTRAINT PK PRIMARY KEY (deadLetterIdentifier),
CONSTRAINT sequenceIndex_INDEX UNIQUE (processingGroup,sequenceIdentifier,sequenceIndex)
);
CREATE INDEX IF NOT EXISTS processingGroup_INDEX ON DeadLetterEntry (processingGroup);
CREATE INDEX IF NOT EXISTS sequenceIdentifier_INDEX ON DeadLetterEntry (processingGroup,sequenceIdentifier);
CREATE TABLE IF NOT EXISTS idempotency_keys (
    operation       TEXT        NOT NULL,
    principal       TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    request_hash    BYTEA       NOT NULL,
    resource_id     UUID        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (operation, principal, idempotency_key)
);
CREATE TABLE IF NOT EXISTS family_keys (
    family_id   UUID PRIMARY KEY,
    wrapped_key BYTEA,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    erased_at   TIMESTAMPTZ
);
