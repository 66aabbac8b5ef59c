package fi.perhekeskus.domain;

/**
 * A command was refused by a domain rule. Each subtype says which kind of refusal it is, so the
 * web edge maps it to a status without reading messages; the message is written for the caller.
 */
public abstract sealed class DomainException extends RuntimeException
        permits IllegalTransitionException, RuleViolationException, NotPartyException, UnknownException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
