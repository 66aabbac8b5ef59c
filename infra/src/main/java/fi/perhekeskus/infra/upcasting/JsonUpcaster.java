package fi.perhekeskus.infra.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the JSON of one version of a public event into the next version. The same upcaster
 * serves the event store (old stored events load as the current record) and Kafka consumers (old
 * records on a topic read as the current record).
 */
public interface JsonUpcaster {

    /** The event's name, e.g. {@code AgencyRegistered}. */
    String eventName();

    /** The version this upcaster reads; it produces {@code fromVersion() + 1}. */
    int fromVersion();

    ObjectNode upcast(ObjectNode event);
}
