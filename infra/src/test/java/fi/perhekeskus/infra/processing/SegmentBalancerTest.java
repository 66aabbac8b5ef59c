package fi.perhekeskus.infra.processing;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class SegmentBalancerTest {

    private static final String VIEWS = "views";
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Map<Integer, EventTrackerStatus> held = new TreeMap<>();
    private final Heartbeats heartbeats = new Heartbeats();
    private StreamingEventProcessor processor;
    private SegmentBalancer balancer;

    /** Heartbeats kept in memory, aged by the test's clock. */
    private final class Heartbeats implements ProcessorInstances {
        final Map<String, Map<String, Long>> beats = new ConcurrentHashMap<>();

        @Override
        public void beat(String owner, Collection<String> processors) {
            beats.values().forEach(owners -> owners.remove(owner));
            processors.forEach(p -> beats.computeIfAbsent(p, k -> new ConcurrentHashMap<>()).put(owner, now.get()));
        }

        @Override
        public Map<String, Set<String>> live(Duration freshFor) {
            Map<String, Set<String>> live = new HashMap<>();
            beats.forEach((p, owners) -> live.put(p, Set.copyOf(owners.entrySet().stream()
                    .filter(e -> e.getValue() > now.get() - freshFor.toMillis()).map(Map.Entry::getKey).toList())));
            return live;
        }

        @Override
        public void leave(String owner) {
            beats.values().forEach(owners -> owners.remove(owner));
        }

        void other(String owner) {
            beats.computeIfAbsent(VIEWS, k -> new ConcurrentHashMap<>()).put(owner, now.get());
        }
    }

    @BeforeEach
    void twoSegmentsHeldHere() {
        processor = mock(StreamingEventProcessor.class);
        when(processor.getName()).thenReturn(VIEWS);
        when(processor.isRunning()).thenReturn(true);
        when(processor.processingStatus()).thenAnswer(i -> Map.copyOf(held));
        TokenStore tokens = mock(TokenStore.class);
        when(tokens.fetchSegments(VIEWS)).thenReturn(new int[] {0, 1});
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(Map.<String, EventProcessor>of(VIEWS, processor));
        when(processing.tokenStore(VIEWS)).thenReturn(tokens);
        when(processing.transactionManager(VIEWS)).thenReturn(NoTransactionManager.INSTANCE);
        balancer = new SegmentBalancer(processing, new ProcessorOwner("a"), heartbeats, INTERVAL, now::get);
        hold(0);
        hold(1);
    }

    private void hold(int segment) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getSegment()).thenReturn(Segment.computeSegment(segment, 0, 1));
        held.put(segment, status);
    }

    private void later(Duration duration) {
        now.addAndGet(duration.toMillis());
    }

    @Test
    void aSingleInstanceKeepsEverySegment() {
        for (int i = 0; i < 10; i++) {
            balancer.balanceNow();
            later(INTERVAL);
        }
        balancer.balanceNow();
        verify(processor, never()).releaseSegment(anyInt(), anyLong(), any());
        assertThat(heartbeats.live(INTERVAL)).containsEntry(VIEWS, Set.of("a"));
    }

    @Test
    void releasesTheSegmentBeyondItsShareWhenASecondInstanceIsLive() {
        balancer.balanceNow();
        later(Duration.ofSeconds(20));
        heartbeats.other("b");
        balancer.balanceNow();
        verify(processor).releaseSegment(eq(1), eq(15_000L), eq(TimeUnit.MILLISECONDS));
        verify(processor, never()).releaseSegment(eq(0), anyLong(), any());
    }

    @Test
    void aSegmentJustClaimedIsKeptForTheFreshnessWindow() {
        // Just started holding both (say, a dead instance's segment came back): the other may be dead too.
        heartbeats.other("b");
        balancer.balanceNow();
        later(Duration.ofSeconds(10));
        heartbeats.other("b");
        balancer.balanceNow();
        verify(processor, never()).releaseSegment(anyInt(), anyLong(), any());
        later(Duration.ofSeconds(6));
        heartbeats.other("b");
        balancer.balanceNow();
        verify(processor).releaseSegment(eq(1), anyLong(), any());
    }

    @Test
    void aDeadInstanceIsCountedOutAndItsSegmentIsNotFoughtOver() {
        held.remove(1);
        heartbeats.other("b");
        balancer.balanceNow();
        // b dies; its claim times out and this instance takes segment 1.
        later(Duration.ofSeconds(12));
        hold(1);
        balancer.balanceNow();
        for (int i = 0; i < 6; i++) {
            later(INTERVAL);
            balancer.balanceNow();
        }
        verify(processor, never()).releaseSegment(anyInt(), anyLong(), any());
    }

    @Test
    void aReleaseNobodyTookIsNotRepeatedAtOnce() {
        balancer.balanceNow();
        later(Duration.ofSeconds(20));
        heartbeats.other("b");
        balancer.balanceNow();
        verify(processor).releaseSegment(eq(1), anyLong(), any());
        held.remove(1);
        // b stays live but never claims it; after the release's 15 s this instance claims it again.
        for (int i = 0; i < 4; i++) {
            later(INTERVAL);
            heartbeats.other("b");
            balancer.balanceNow();
        }
        hold(1);
        // Held again from 40 s on: the next release waits twice the release time, not the freshness window.
        for (int i = 0; i < 6; i++) {
            later(INTERVAL);
            heartbeats.other("b");
            balancer.balanceNow();
        }
        verify(processor, times(1)).releaseSegment(eq(1), anyLong(), any());
        for (int i = 0; i < 2; i++) {
            later(INTERVAL);
            heartbeats.other("b");
            balancer.balanceNow();
        }
        verify(processor, times(2)).releaseSegment(eq(1), anyLong(), any());
    }

    @Test
    void aSegmentBackBecauseItsTakerStoppedIsReleasedToTheNextInstanceWithoutWaiting() {
        balancer.balanceNow();
        later(Duration.ofSeconds(20));
        heartbeats.other("b");
        balancer.balanceNow();
        verify(processor).releaseSegment(eq(1), anyLong(), any());
        held.remove(1);
        later(INTERVAL);
        heartbeats.other("b");
        balancer.balanceNow();
        // b took it, then stopped (its heartbeats deleted); its segment comes back here.
        later(Duration.ofSeconds(12));
        heartbeats.leave("b");
        hold(1);
        balancer.balanceNow();
        // c starts: segment 1, held here for the freshness window, goes to it at once, no backoff.
        later(Duration.ofSeconds(15));
        heartbeats.other("c");
        balancer.balanceNow();
        verify(processor, times(2)).releaseSegment(eq(1), anyLong(), any());
    }

    @Test
    void aStoppedInstanceDeletesItsHeartbeats() {
        balancer.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> heartbeatsOf("a"));
        balancer.stop();
        assertThat(heartbeatsOf("a")).isFalse();
        assertThat(balancer.isRunning()).isFalse();
    }

    private boolean heartbeatsOf(String owner) {
        return heartbeats.beats.values().stream().anyMatch(owners -> owners.containsKey(owner));
    }

    @Test
    void aProcessorInErrorIsNotCounted() {
        when(processor.isError()).thenReturn(true);
        balancer.balanceNow();
        assertThat(heartbeats.live(INTERVAL).getOrDefault(VIEWS, Set.of())).isEmpty();
    }
}
