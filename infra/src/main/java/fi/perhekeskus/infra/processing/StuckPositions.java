package fi.perhekeskus.infra.processing;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches every Kafka-reading processor for a stored position beyond its partition's end (or a
 * partition that vanished) and remembers what it found until the processor is reset. The verdict
 * must outlast the moment: once the recreated topic grows past the old position the positions look
 * normal again, yet every record below it was skipped.
 */
public class StuckPositions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StuckPositions.class);

    private final ProcessorLag lag;
    private final Duration interval;
    private final Map<String, List<ProcessorLag.PositionProblem>> found = new ConcurrentHashMap<>();
    private ScheduledExecutorService checks;

    public StuckPositions(ProcessorLag lag, Duration interval) {
        this.lag = lag;
        this.interval = interval;
    }

    /** What was found for the processor and not yet cleared by a reset. */
    public List<ProcessorLag.PositionProblem> problems(String processor) {
        return found.getOrDefault(processor, List.of());
    }

    /** Forgets the verdict: the processor's tokens were reset. */
    public void cleared(String processor) {
        found.remove(processor);
    }

    public void checkNow() {
        for (Map.Entry<String, StreamingEventProcessor> entry : lag.processors().entrySet()) {
            if (!readsKafka(entry.getValue()) || found.containsKey(entry.getKey())) {
                continue;
            }
            List<ProcessorLag.PositionProblem> problems = lag.positionProblems(entry.getValue());
            if (!problems.isEmpty()) {
                found.put(entry.getKey(), List.copyOf(problems));
                problems.forEach(p -> log.error("Processor {} cannot make progress: {}; reset it with "
                        + "POST /api/v1/admin/processors/{}/reset", entry.getKey(), p.describe(), entry.getKey()));
            }
        }
    }

    private static boolean readsKafka(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getTrackingToken).anyMatch(KafkaTrackingToken.class::isInstance);
    }

    @Override
    public void start() {
        checks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "processor-positions");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(() -> {
            try {
                checkNow();
            } catch (RuntimeException e) {
                log.warn("Checking processor positions failed", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (checks != null) {
            checks.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return checks != null && !checks.isShutdown();
    }
}
