package fi.perhekeskus.domain;

/** The caller's agency is not the party that may make this move: HTTP 403. */
public final class NotPartyException extends DomainException {

    public NotPartyException(String message) {
        super(message);
    }
}
