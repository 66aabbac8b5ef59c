package fi.perhekeskus.domain;

/** Nothing by that id, or nothing the caller may know of: HTTP 404. */
public final class UnknownException extends DomainException {

    public UnknownException(String message) {
        super(message);
    }
}
