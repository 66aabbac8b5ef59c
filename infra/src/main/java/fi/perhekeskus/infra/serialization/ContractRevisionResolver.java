package fi.perhekeskus.infra.serialization;

import fi.perhekeskus.contract.EventCatalog;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;

/**
 * Stores a public event's contract version as Axon's payload revision, so that an upcaster can
 * recognise an old stored event; other payloads fall back to Axon's {@code @Revision}.
 */
public class ContractRevisionResolver implements RevisionResolver {

    private final RevisionResolver fallback = new AnnotationRevisionResolver();

    @Override
    public String revisionOf(Class<?> payloadType) {
        if (EventCatalog.isPublic(payloadType)) {
            return Integer.toString(EventCatalog.versionOf(payloadType));
        }
        return fallback.revisionOf(payloadType);
    }
}
