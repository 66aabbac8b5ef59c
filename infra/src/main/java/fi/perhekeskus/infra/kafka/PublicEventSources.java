package fi.perhekeskus.infra.kafka;

import java.util.function.Predicate;

/**
 * Sources of the public topics, one per processor: a processor's source parses the JSON only of
 * the event types its handlers take ({@link HandledTypes}); every record still moves its token.
 * Five processors each parsing every event was a large part of the consuming services' work.
 */
@FunctionalInterface
public interface PublicEventSources {

    PublicEventSource reading(Predicate<Class<?>> handledTypes);
}
