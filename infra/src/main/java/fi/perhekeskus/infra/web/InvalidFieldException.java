package fi.perhekeskus.infra.web;

/** Bad input found by a controller rather than a constraint: 400 with the field named. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
