package fi.perhekeskus.reporting.rebuild;

import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.processing.ProcessorLag;
import fi.perhekeskus.reporting.ProjectionProcessing;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drops a projection and replays it from offset 0 of the topics: the processor stops, its tokens
 * are reset (its reset handler clears the collections), and it starts again.
 */
@Component
public class ProjectionRebuild {

    private final EventProcessingConfiguration processing;
    private final ProcessorLag lag;
    private final Map<String, Instant> started = new ConcurrentHashMap<>();

    public ProjectionRebuild(EventProcessingConfiguration processing, ProcessorLag lag) {
        this.processing = processing;
        this.lag = lag;
    }

    public ProjectionProgress rebuild(String projection) {
        StreamingEventProcessor processor = processor(projection);
        processor.shutDown();
        processor.resetTokens();
        started.put(projection, Instant.now());
        processor.start();
        return progress(projection);
    }

    public ProjectionProgress progress(String projection) {
        StreamingEventProcessor processor = processor(projection);
        Optional<long[]> kafka = lag.kafkaProgress(processor);
        if (kafka.isEmpty()) {
            return new ProjectionProgress(projection, processor.isRunning(), processor.isReplaying(), null, null, null,
                    null);
        }
        long processed = kafka.get()[0];
        long end = kafka.get()[1];
        Instant since = started.get(projection);
        Long perSecond = null;
        if (since != null) {
            double seconds = Math.max(0.001, Duration.between(since, Instant.now()).toMillis() / 1000.0);
            perSecond = Math.round(processed / seconds);
        }
        return new ProjectionProgress(projection, processor.isRunning(), processor.isReplaying(), processed, end,
                end == 0 ? 100 : Math.min(100, processed * 100 / end), perSecond);
    }

    private StreamingEventProcessor processor(String projection) {
        if (!ProjectionProcessing.PROJECTIONS.contains(projection)) {
            throw new UnknownException("no projection " + projection + "; known: " + ProjectionProcessing.PROJECTIONS);
        }
        return processing.eventProcessor(projection, StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownException("projection " + projection + " has no processor"));
    }
}
