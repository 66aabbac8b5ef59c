package fi.perhekeskus.infra.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes for views built from the service's own event store: before a read, wait until
 * the view's processor has handled every event stored when the read began. A caller that got a 2xx
 * for a write therefore sees it in its next read, and so does everyone else. The wait is bounded;
 * a view that stays behind answers 503 rather than a stale 404, and health already reports a stuck
 * processor.
 *
 * <p>With several instances sharing a processor (and its Mongo view), a segment another instance
 * has claimed is judged by the position that instance stored for it ({@link StoredPositions}), so a
 * read at one instance right after a write at the other still sees the write. The set of segments
 * is looked up at most every few seconds; an instance holding every segment reads nothing more.
 */
public class ViewCatchUp {

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Duration maxWait;
    private final StoredPositions stored;
    private final CommittedEvents committed;
    private final Map<String, Known> segments = new ConcurrentHashMap<>();

    /** The segments a processor had when last looked up. */
    private record Known(Set<Integer> segments, long until) {
    }

    ViewCatchUp(EventStore eventStore, EventProcessingConfiguration processing, Duration maxWait,
                StoredPositions stored, CommittedEvents committed) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.maxWait = maxWait;
        this.stored = stored;
        this.committed = committed;
    }

    /** Returns once the processing group's view holds every event stored before this call. */
    public void await(String processingGroup) {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?>) {
            // Inside event handling: a view's handler reading a view must never wait for a processor.
            return;
        }
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong target = head == null ? OptionalLong.empty() : head.position();
        if (target.isEmpty()) {
            return;
        }
        StreamingEventProcessor processor = processing.eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + processingGroup));
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pauseNanos = 200_000;
        while (!caughtUp(processor.getName(), processor.processingStatus(), target.getAsLong())) {
            if (System.nanoTime() > deadline) {
                throw new ViewBehindException(processingGroup);
            }
            LockSupport.parkNanos(pauseNanos);
            pauseNanos = Math.min(pauseNanos * 2, 10_000_000);
        }
    }

    private boolean caughtUp(String processorName, Map<Integer, EventTrackerStatus> local, long target) {
        for (EventTrackerStatus status : local.values()) {
            if (status.isErrorState() || !covers(status.getTrackingToken(), target)) {
                return false;
            }
        }
        Known known = segments.get(processorName);
        if (known != null && System.nanoTime() < known.until() && local.keySet().containsAll(known.segments())) {
            return true;
        }
        Map<Integer, Optional<TrackingToken>> positions = stored.of(processorName);
        segments.put(processorName, new Known(Set.copyOf(positions.keySet()), System.nanoTime() + SEGMENTS_FRESH_NANOS));
        for (Map.Entry<Integer, Optional<TrackingToken>> segment : positions.entrySet()) {
            if (!local.containsKey(segment.getKey()) && !covers(segment.getValue().orElse(null), target)) {
                return false;
            }
        }
        return true;
    }

    /** Segments are split or merged rarely: the set is looked up again after this long. */
    private static final long SEGMENTS_FRESH_NANOS = 5_000_000_000L;

    /**
     * Whether a token has handled every event stored at or below the target. Its position alone does
     * not say so: the JDBC store hands out global indexes when a transaction inserts, not when it
     * commits, so a processor can read past an index whose transaction is still open, remembering it
     * as a gap, and that write may be committed and acknowledged before the processor comes back for
     * it. Such a gap, once it holds an event, is not yet in the view.
     */
    boolean covers(TrackingToken token, long target) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        if (position.isEmpty() || position.getAsLong() < target) {
            return false;
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            SortedSet<Long> open = gapAware.getGaps().headSet(target + 1);
            return !committed.anyAt(open);
        }
        return true;
    }
}
