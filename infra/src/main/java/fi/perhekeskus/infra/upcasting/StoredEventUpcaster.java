package fi.perhekeskus.infra.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.perhekeskus.contract.EventCatalog;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Applies a {@link JsonUpcaster} to events in the event store: a stored event of the public
 * contract with revision {@code fromVersion} loads as revision {@code fromVersion + 1}.
 */
public class StoredEventUpcaster extends SingleEventUpcaster {

    private final JsonUpcaster upcaster;
    private final String payloadType;

    public StoredEventUpcaster(JsonUpcaster upcaster) {
        this.upcaster = upcaster;
        this.payloadType = EventCatalog.events().stream()
                .filter(e -> EventCatalog.nameOf(e).equals(upcaster.eventName()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no public event " + upcaster.eventName()))
                .getName();
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getName().equals(payloadType)
                && String.valueOf(upcaster.fromVersion()).equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(payloadType, String.valueOf(upcaster.fromVersion() + 1)),
                JsonNode.class,
                json -> upcaster.upcast((ObjectNode) json));
    }
}
