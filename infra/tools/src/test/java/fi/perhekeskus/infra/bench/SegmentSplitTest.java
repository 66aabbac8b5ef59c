package fi.perhekeskus.infra.bench;

import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentSplitTest {

    @Test
    void oneSegmentHoldsEveryEvent() {
        assertThat(SegmentSplit.eventsPerSegment(List.of(0), List.of("a", "b", "c"))).isEqualTo(Map.of(0, 3L));
    }

    @Test
    void twoSegmentsSplitByTheAggregateIdsHash() {
        // "a".hashCode() is 97 (odd: segment 1), "b" is 98 (even: segment 0).
        assertThat(SegmentSplit.eventsPerSegment(List.of(0, 1), List.of("a", "a", "b", "a")))
                .isEqualTo(Map.of(0, 1L, 1, 3L));
    }

    @Test
    void aSegmentWithNoEventsCountsZero() {
        assertThat(SegmentSplit.eventsPerSegment(List.of(0, 1), List.of("b", "d"))).isEqualTo(Map.of(0, 2L, 1, 0L));
    }

    @Test
    void anEventWithNoSequenceIdentifierGoesToSegmentZero() {
        List<String> ids = new ArrayList<>();
        ids.add(null);
        assertThat(SegmentSplit.eventsPerSegment(List.of(0, 1), ids)).isEqualTo(Map.of(0, 1L, 1, 0L));
    }

    @Test
    void everyEventFallsInExactlyTheSegmentAxonMatchesItWith() {
        // Uneven segments, as after splitting one of two: 0 and 2 (mask 3) beside 1 (mask 1).
        List<Integer> segmentIds = List.of(0, 1, 2);
        List<String> ids = IntStream.range(0, 2_000).mapToObj(i -> UUID.randomUUID().toString()).toList();
        Map<Integer, Long> split = SegmentSplit.eventsPerSegment(segmentIds, ids);
        assertThat(split.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(ids.size());
        for (Segment segment : Segment.computeSegments(0, 1, 2)) {
            long expected = ids.stream().filter(id -> segment.matches((Object) id)).count();
            assertThat(split.get(segment.getSegmentId())).as("segment %s", segment).isEqualTo(expected);
        }
        assertThat(Arrays.stream(Segment.computeSegments(0, 1, 2)).map(Segment::getSegmentId)).hasSize(3);
    }

    @Test
    void anOwnerIsTheInstanceOfItsPid() {
        Map<Long, String> instances = Map.of(1234L, "A", 5678L, "B");
        assertThat(SegmentSplit.instanceOf("1234@host", instances)).isEqualTo("A");
        assertThat(SegmentSplit.instanceOf("5678@host#2", instances)).isEqualTo("B");
        assertThat(SegmentSplit.instanceOf("999@elsewhere", instances)).isEqualTo("999@elsewhere");
        assertThat(SegmentSplit.instanceOf("node-x", instances)).isEqualTo("node-x");
        assertThat(SegmentSplit.instanceOf(null, instances)).isEqualTo(SegmentSplit.UNCLAIMED);
        assertThat(SegmentSplit.instanceOf("", instances)).isEqualTo(SegmentSplit.UNCLAIMED);
    }

    @Test
    void eachSegmentsEventsGoToItsOwner() {
        assertThat(SegmentSplit.eventsPerInstance(Map.of(0, 10L, 1, 7L, 2, 5L), Map.of(0, "A", 1, "B", 2, "A")))
                .isEqualTo(Map.of("A", 15L, "B", 7L));
        assertThat(SegmentSplit.eventsPerInstance(Map.of(0, 10L, 1, 7L), Map.of(0, "A")))
                .isEqualTo(Map.of("A", 10L, SegmentSplit.UNCLAIMED, 7L));
    }
}
