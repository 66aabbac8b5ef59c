package fi.perhekeskus.privacy;

/** A sealed value did not open: the key is wrong, the value belongs to someone else, or it was changed. */
public class SealBrokenException extends RuntimeException {

    public SealBrokenException(String message) {
        super(message);
    }
}
