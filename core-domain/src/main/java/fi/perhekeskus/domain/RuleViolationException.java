package fi.perhekeskus.domain;

/** A business rule forbids it, e.g. no valid consent covers the receiver: HTTP 422. */
public final class RuleViolationException extends DomainException {

    public RuleViolationException(String message) {
        super(message);
    }
}
