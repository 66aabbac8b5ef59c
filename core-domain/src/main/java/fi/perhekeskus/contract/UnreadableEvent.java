package fi.perhekeskus.contract;

/**
 * A record on a topic whose value could not be read as its declared type. Consumers receive it
 * instead of stopping the whole stream, so that it can be parked in their dead-letter queue with
 * its aggregate's later events while other aggregates keep flowing. Not part of the public catalog.
 */
public record UnreadableEvent(String type, String eventId, String problem) {
}
