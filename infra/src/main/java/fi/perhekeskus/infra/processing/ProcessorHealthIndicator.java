package fi.perhekeskus.infra.processing;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DOWN when a streaming processor is stuck: in error, behind its source without moving for
 * longer than {@code perhekeskus.processing.stuck-after}, or with a stored position its source no
 * longer has ({@link StuckPositions}). Details show each processor's lag and the reason.
 */
public class ProcessorHealthIndicator extends AbstractHealthIndicator {

    /**
     * Events are parked in a dead-letter queue, everything else flows: the service works, but
     * someone must look (GET /api/v1/admin/dead-letters). Answered with 200, ranked below UP.
     */
    public static final Status WARNING = new Status("WARNING", "events are parked in a dead-letter queue");

    private record Progress(long position, Instant since) {
    }

    private final ProcessorLag lag;
    private final StuckPositions stuck;
    private final Duration stuckAfter;
    private final Clock clock;
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();

    public ProcessorHealthIndicator(ProcessorLag lag, StuckPositions stuck, Duration stuckAfter, Clock clock) {
        this.lag = lag;
        this.stuck = stuck;
        this.stuckAfter = stuckAfter;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        boolean anyParked = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Map.Entry<String, StreamingEventProcessor> entry : lag.processors().entrySet()) {
            StreamingEventProcessor processor = entry.getValue();
            Map<String, Object> detail = new LinkedHashMap<>();
            OptionalLong behind = lag.lag(processor);
            behind.ifPresent(l -> detail.put("lag", l));
            boolean error = processor.isError()
                    || processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
            boolean stalled = behind.isPresent() && behind.getAsLong() > 0 && stalled(entry.getKey(), processor);
            List<ProcessorLag.PositionProblem> lost = stuck.problems(entry.getKey());
            detail.put("running", processor.isRunning());
            detail.put("state", error ? "ERROR" : !lost.isEmpty() ? "POSITION_BEYOND_SOURCE" : stalled ? "STALLED" : "OK");
            if (!lost.isEmpty()) {
                detail.put("reason", lost.stream().map(ProcessorLag.PositionProblem::describe).toList());
                detail.put("recovery", "POST /api/v1/admin/processors/" + entry.getKey() + "/reset");
            }
            healthy &= !error && !stalled && lost.isEmpty();
            long parked = lag.parked(entry.getKey());
            if (parked > 0) {
                detail.put("parked", parked);
                anyParked = true;
            }
            details.put(entry.getKey(), detail);
        }
        (healthy ? anyParked ? builder.status(WARNING) : builder.up() : builder.down()).withDetails(details);
    }

    private boolean stalled(String name, StreamingEventProcessor processor) {
        long position = processor.processingStatus().values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1)).sum();
        Instant now = clock.instant();
        Progress last = progress.compute(name, (n, p) -> p == null || p.position() != position
                ? new Progress(position, now) : p);
        return Duration.between(last.since(), now).compareTo(stuckAfter) > 0;
    }
}
