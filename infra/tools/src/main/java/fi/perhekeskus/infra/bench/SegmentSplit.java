package fi.perhekeskus.infra.bench;

import org.axonframework.eventhandling.Segment;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a streaming processor's work splits over the instances that share its token store. Each
 * event belongs to exactly one segment, the one matching its sequence identifier (the aggregate id:
 * Axon's default sequential-per-aggregate policy, for events from the event store and from Kafka
 * alike); the instance that owns a segment handles its events. Pure: the caller reads the claims
 * from the token store and the aggregate ids from the processor's source.
 */
final class SegmentSplit {

    /** The owner of an unclaimed segment. */
    static final String UNCLAIMED = "unclaimed";

    private SegmentSplit() {
    }

    /** Events per segment of a processor whose segments are {@code segmentIds}, by the events' aggregate ids. */
    static Map<Integer, Long> eventsPerSegment(Collection<Integer> segmentIds, Collection<String> aggregateIds) {
        Segment[] segments = Segment.computeSegments(segmentIds.stream().mapToInt(Integer::intValue).toArray());
        Map<Integer, Long> perSegment = new TreeMap<>();
        for (Segment segment : segments) {
            perSegment.put(segment.getSegmentId(), 0L);
        }
        for (String aggregate : aggregateIds) {
            for (Segment segment : segments) {
                if (segment.matches((Object) aggregate)) {
                    perSegment.merge(segment.getSegmentId(), 1L, Long::sum);
                    break;
                }
            }
        }
        return perSegment;
    }

    /**
     * The instance behind a token store's owner: Axon's node id is {@code pid@host}, with
     * {@code #n} after it for a later instance in the same JVM ({@code ProcessorOwner}). An owner
     * of no known pid is named as it is; no owner is {@link #UNCLAIMED}.
     */
    static String instanceOf(String owner, Map<Long, String> instanceByPid) {
        if (owner == null || owner.isBlank()) {
            return UNCLAIMED;
        }
        int at = owner.indexOf('@');
        try {
            String instance = instanceByPid.get(Long.parseLong(at < 0 ? owner : owner.substring(0, at)));
            return instance == null ? owner : instance;
        } catch (NumberFormatException notAPid) {
            return owner;
        }
    }

    /** Events per instance: each segment's events go to the instance owning it. */
    static Map<String, Long> eventsPerInstance(Map<Integer, Long> perSegment, Map<Integer, String> instanceOfSegment) {
        Map<String, Long> perInstance = new TreeMap<>();
        perSegment.forEach((segment, events) -> perInstance.merge(
                instanceOfSegment.getOrDefault(segment, UNCLAIMED), events, Long::sum));
        return perInstance;
    }
}
