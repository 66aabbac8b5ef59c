package fi.perhekeskus.infra.processing;

import fi.perhekeskus.contract.UnreadableEvent;
import org.axonframework.eventhandling.EventHandler;

/**
 * The handler of a consuming processing group for records it could not read: it fails them, so
 * that each is parked in the group's dead-letter queue with its aggregate's later events until fixed
 * and retried, and no event after it (a consent withdrawal, say) is applied out of order. Without a
 * handler for it, the processor would skip the record. One instance per group
 * ({@link ConsumingProcessors}).
 */
public final class UnreadableEvents {

    private final String processingGroup;

    UnreadableEvents(String processingGroup) {
        this.processingGroup = processingGroup;
    }

    String processingGroup() {
        return processingGroup;
    }

    @EventHandler
    void on(UnreadableEvent unreadable) {
        throw new UnreadableEventException("cannot read " + unreadable.type() + " " + unreadable.eventId()
                + ": " + unreadable.problem());
    }
}
