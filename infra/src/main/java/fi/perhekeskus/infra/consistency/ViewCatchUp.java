package fi.perhekeskus.infra.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes for views built from the service's own event store: before a read, wait until
 * the view's processor has handled every event stored when the read began. A caller that got a 2xx
 * for a write therefore sees it in its next read, and so does everyone else. The wait is bounded;
 * a view that stays behind answers 503 rather than a stale 404, and health already reports a stuck
 * processor.
 *
 * <p>Only segments this instance has claimed are known here. With several instances sharing a
 * processor, an unclaimed segment counts as caught up: reads are then only as fresh as the other
 * instance's view of that segment.
 */
public class ViewCatchUp {

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Duration maxWait;

    public ViewCatchUp(EventStore eventStore, EventProcessingConfiguration processing, Duration maxWait) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.maxWait = maxWait;
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
        while (!caughtUp(processor.processingStatus(), target.getAsLong())) {
            if (System.nanoTime() > deadline) {
                throw new ViewBehindException(processingGroup);
            }
            LockSupport.parkNanos(pauseNanos);
            pauseNanos = Math.min(pauseNanos * 2, 10_000_000);
        }
    }

    static boolean caughtUp(Map<Integer, EventTrackerStatus> segments, long target) {
        for (EventTrackerStatus status : segments.values()) {
            if (status.isErrorState()) {
                return false;
            }
            TrackingToken token = status.getTrackingToken();
            OptionalLong position = token == null ? OptionalLong.empty() : token.position();
            if (position.isEmpty() || position.getAsLong() < target) {
                return false;
            }
        }
        return true;
    }
}
