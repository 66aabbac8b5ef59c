-- A programme is open to referred families while a session is still ahead of it, not only before it
-- starts (ProgrammeIndex.upcomingOf). Programmes indexed before this version are taken to end when
-- they start, which keeps what the policy did for them.
ALTER TABLE programme_index ADD COLUMN IF NOT EXISTS last_session TIMESTAMPTZ;
UPDATE programme_index SET last_session = first_session WHERE last_session IS NULL;
ALTER TABLE programme_index ALTER COLUMN last_session SET NOT NULL;
CREATE INDEX IF NOT EXISTS programme_index_service_last ON programme_index (service_id, last_session);
