package fi.perhekeskus.domain;

/** The move is not allowed in the current state (or the thing exists already): HTTP 409. */
public final class IllegalTransitionException extends DomainException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
