-- Which instances of the service run each streaming processor, by their token-store owner name
-- (ProcessorOwner), and when each last said so (SegmentBalancer's heartbeat). An instance counts as
-- live while its row is fresh; a stopped instance deletes its rows. Versioned after every service's
-- own migrations, so that it applies on an existing database too.
CREATE TABLE IF NOT EXISTS processor_instances (
    processor_name VARCHAR(255) NOT NULL,
    owner          VARCHAR(255) NOT NULL,
    last_seen      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (processor_name, owner)
);
