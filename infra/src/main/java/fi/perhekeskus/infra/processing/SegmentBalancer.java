package fi.perhekeskus.infra.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Splits each streaming processor's segments between the instances of a service that share its
 * token store. Left to Axon, the instance started first claims every segment it can and keeps them:
 * the others share the requests but not the event processing. Every {@code interval} each instance
 * records a heartbeat for every processor it runs ({@link ProcessorInstances}), counts the live
 * instances of each processor (heartbeat younger than {@code 3 × interval}), and releases the
 * segments it holds beyond {@link FairShare#of ceil(segments / live)}; the released segment is
 * blacklisted here for {@code releaseFor}, long enough for another instance to claim it.
 *
 * <p>Nothing stalls and nothing is fought over:
 * <ul>
 * <li>a single live instance keeps every segment (its fair share is all of them);</li>
 * <li>only a segment held for the whole freshness window is released: a dead instance's segments,
 * taken over once Axon's claim timeout lets them go, are held at least that long, and by then the
 * dead instance's heartbeat has aged out and the share is all of them again;</li>
 * <li>a released segment that no other instance took comes back here when its blacklist ends (Axon
 * claims it again), and this processor then waits before releasing again, each time longer (not
 * when it came back because the instance that took it stopped);</li>
 * <li>a stopping instance deletes its heartbeats, so the others count it out at once.</li>
 * </ul>
 */
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    private static final Duration MIN_RELEASE = Duration.ofSeconds(15);
    private static final int MAX_BACKOFF_STEPS = 5;

    /** What this instance knows of one processor: since when it holds each segment, what it released. */
    private static final class Seen {
        final Map<Integer, Long> heldSince = new HashMap<>();
        final Map<Integer, Long> releasedUntil = new HashMap<>();
        /** The other live instances when a segment was released: one of them was to take it. */
        final Map<Integer, Set<String>> releasedFor = new HashMap<>();
        int backoffSteps;
        long backoffUntil;
    }

    private final EventProcessingConfiguration processing;
    private final String owner;
    private final ProcessorInstances instances;
    private final Duration interval;
    private final Duration freshFor;
    private final Duration releaseFor;
    private final LongSupplier millis;
    private final Map<String, Seen> seen = new HashMap<>();
    private volatile ScheduledExecutorService ticks;

    public SegmentBalancer(EventProcessingConfiguration processing, ProcessorOwner owner, ProcessorInstances instances,
                           Duration interval, LongSupplier millis) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the balance interval must be positive: " + interval);
        }
        this.processing = processing;
        this.owner = owner.name();
        this.instances = instances;
        this.interval = interval;
        this.freshFor = interval.multipliedBy(3);
        this.releaseFor = freshFor.compareTo(MIN_RELEASE) < 0 ? MIN_RELEASE : freshFor;
        this.millis = millis;
    }

    /** One round: heartbeat, count, release what is beyond the fair share. */
    public synchronized void balanceNow() {
        Map<String, StreamingEventProcessor> running = new LinkedHashMap<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning() && !streaming.isError()) {
                running.put(streaming.getName(), streaming);
            }
        }
        instances.beat(owner, running.keySet());
        Map<String, Set<String>> live = instances.live(freshFor);
        long now = millis.getAsLong();
        seen.keySet().retainAll(running.keySet());
        running.forEach((name, processor) -> balance(name, processor, live.getOrDefault(name, Set.of()), now));
    }

    private void balance(String name, StreamingEventProcessor processor, Set<String> liveOwners, long now) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        Seen known = seen.computeIfAbsent(name, k -> new Seen());
        Set<String> others = new HashSet<>(liveOwners);
        others.remove(owner);
        known.heldSince.keySet().retainAll(status.keySet());
        status.keySet().forEach(segment -> known.heldSince.putIfAbsent(segment, now));

        Set<Integer> pending = new HashSet<>();
        for (Iterator<Map.Entry<Integer, Long>> it = known.releasedUntil.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Long> release = it.next();
            if (release.getValue() > now) {
                pending.add(release.getKey());
                continue;
            }
            if (status.containsKey(release.getKey())) {
                it.remove();
                Set<String> meantFor = known.releasedFor.remove(release.getKey());
                if (meantFor == null || !others.containsAll(meantFor)) {
                    // Back because the instance it was meant for stopped: nothing to learn.
                    continue;
                }
                // Those it was meant for are still live but none took it, and this instance claimed it
                // again: wait longer before the next release.
                known.backoffSteps = Math.min(known.backoffSteps + 1, MAX_BACKOFF_STEPS);
                known.backoffUntil = now + releaseFor.toMillis() * (1L << known.backoffSteps);
                log.info("Segment {} of {} was released but no other instance claimed it; it stays here for now",
                        release.getKey(), name);
            } else if (release.getValue() + freshFor.toMillis() < now) {
                // Another instance has held it for a while: the release worked.
                it.remove();
                known.releasedFor.remove(release.getKey());
                known.backoffSteps = 0;
            }
        }

        int live = others.size() + 1;
        if (live <= 1 || known.backoffUntil > now) {
            return;
        }
        List<Integer> held = new ArrayList<>(status.keySet());
        held.removeAll(pending);
        Set<Integer> releasable = new HashSet<>();
        for (Integer segment : held) {
            if (now - known.heldSince.get(segment) >= freshFor.toMillis()) {
                releasable.add(segment);
            }
        }
        int segments = segmentCount(name, status);
        for (Integer segment : FairShare.toRelease(held, releasable, segments, live)) {
            log.info("Releasing segment {} of {}: {} live instances share its {} segments, this one holds {}",
                    segment, name, live, segments, held.size());
            processor.releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
            known.releasedUntil.put(segment, now + releaseFor.toMillis());
            known.releasedFor.put(segment, Set.copyOf(others));
        }
    }

    /** The processor's segments in the token store; failing that, as many as the held segments' masks say. */
    private int segmentCount(String name, Map<Integer, EventTrackerStatus> status) {
        try {
            TokenStore store = processing.tokenStore(name);
            int[] segments = processing.transactionManager(name).fetchInTransaction(() -> store.fetchSegments(name));
            if (segments.length > 0) {
                return segments.length;
            }
        } catch (RuntimeException e) {
            log.debug("Cannot count the segments of {} in its token store", name, e);
        }
        return status.values().stream().mapToInt(s -> s.getSegment().getMask() + 1).max().orElse(0);
    }

    @Override
    public void start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                balanceNow();
            } catch (RuntimeException e) {
                log.warn("Balancing processor segments failed; trying again in {}", interval, e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        ticks = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = ticks;
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ticks = null;
        try {
            instances.leave(owner);
        } catch (RuntimeException e) {
            log.warn("Could not delete this instance's heartbeats; the others count it out after {}", freshFor, e);
        }
    }

    @Override
    public boolean isRunning() {
        return ticks != null;
    }
}
