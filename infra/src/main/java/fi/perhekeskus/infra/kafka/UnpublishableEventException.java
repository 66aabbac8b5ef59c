package fi.perhekeskus.infra.kafka;

/**
 * An event that can never be sent as it is: the publisher's dead-letter queue parks it, with its
 * aggregate's later events, until a coordinator retries it.
 */
public class UnpublishableEventException extends RuntimeException {

    public UnpublishableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
