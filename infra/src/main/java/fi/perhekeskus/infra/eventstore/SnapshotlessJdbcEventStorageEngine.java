package fi.perhekeskus.infra.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.util.stream.Stream;

/**
 * Axon's JDBC event store without snapshots. No aggregate here is snapshotted (their streams are
 * short: a referral's few moves, a family's registration and consents), yet every load of one asked
 * the snapshot table first: 1.3 queries per referral command that never found a row. Storing a
 * snapshot is refused, so that a snapshotter configured later fails at once instead of being
 * silently ignored.
 */
public class SnapshotlessJdbcEventStorageEngine extends JdbcEventStorageEngine {

    public SnapshotlessJdbcEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        throw new UnsupportedOperationException("this event store keeps no snapshots ("
                + SnapshotlessJdbcEventStorageEngine.class.getName() + "); aggregate " + snapshot.getType()
                + " was configured with a snapshotter");
    }
}
