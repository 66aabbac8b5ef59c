package fi.perhekeskus.infra.processing;

/** A consumed record could not be read; its aggregate's events wait in the dead-letter queue. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }
}
