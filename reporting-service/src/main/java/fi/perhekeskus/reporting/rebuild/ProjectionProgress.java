package fi.perhekeskus.reporting.rebuild;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A projection's processor and, once it reads from Kafka, records processed of those on the topics;
 * eventsPerSecond during a rebuild. The Kafka figures are absent until it reads.
 */
@Schema(name = "Progress", description = "A projection's processor and its progress through the topics")
public record ProjectionProgress(String projection, boolean running, boolean replaying, Long processed, Long end,
                                 Long percent, Long eventsPerSecond) {
}
