package fi.perhekeskus.reporting.rebuild;

import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.processing.ProcessorLag;
import fi.perhekeskus.reporting.ProjectionProcessing;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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

    public Map<String, Object> rebuild(String projection) {
        StreamingEventProcessor processor = processor(projection);
        processor.shutDown();
        processor.resetTokens();
        started.put(projection, Instant.now());
        processor.start();
        return progress(projection);
    }

    public Map<String, Object> progress(String projection) {
        StreamingEventProcessor processor = processor(projection);
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("projection", projection);
        progress.put("running", processor.isRunning());
        progress.put("replaying", processor.isReplaying());
        lag.kafkaProgress(processor).ifPresent(p -> {
            progress.put("processed", p[0]);
            progress.put("end", p[1]);
            progress.put("percent", p[1] == 0 ? 100 : Math.min(100, p[0] * 100 / p[1]));
            Instant since = started.get(projection);
            if (since != null) {
                double seconds = Math.max(0.001, Duration.between(since, Instant.now()).toMillis() / 1000.0);
                progress.put("eventsPerSecond", Math.round(p[0] / seconds));
            }
        });
        return progress;
    }

    private StreamingEventProcessor processor(String projection) {
        if (!ProjectionProcessing.PROJECTIONS.contains(projection)) {
            throw new UnknownException("no projection " + projection + "; known: " + ProjectionProcessing.PROJECTIONS);
        }
        return processing.eventProcessor(projection, StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownException("projection " + projection + " has no processor"));
    }
}
