package fi.perhekeskus.infra.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.perhekeskus.contract.Sealed;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The step to a version in which some fields of plain text became sealed. An upcaster holds no
 * family key, so it cannot seal the old text: it drops it and leaves the marker {@code "dropped"}
 * ({@link Sealed#DROPPED}), which keeps the fact that a value was given (a referral made on a legal
 * basis still is one) and reads as "[dropped]". The platform was not in production when the fields
 * became sealed, so no real text is lost; the old plain text stays only in the rows of the event
 * store written before, and is never published again (the outbox publishes upcast events).
 */
public class PlainTextDroppingUpcaster implements JsonUpcaster {

    /** A sealed value: at least an IV and a tag (28 bytes) in base64url. Left as it is (idempotent). */
    private static final Pattern SEALED = Pattern.compile("^v1\\.[A-Za-z0-9_-]{38,}$");

    private final String eventName;
    private final int fromVersion;
    private final List<String> sealedFields;

    public PlainTextDroppingUpcaster(String eventName, int fromVersion, String... sealedFields) {
        this.eventName = eventName;
        this.fromVersion = fromVersion;
        this.sealedFields = List.of(sealedFields);
    }

    /** ConsentGiven v2 seals the purpose. */
    public static PlainTextDroppingUpcaster consentGiven1to2() {
        return new PlainTextDroppingUpcaster("ConsentGiven", 1, "purpose");
    }

    /** ReferralMade v2 seals the legal basis. */
    public static PlainTextDroppingUpcaster referralMade1to2() {
        return new PlainTextDroppingUpcaster("ReferralMade", 1, "legalBasis");
    }

    /** ReferralAccepted v2 seals the responsible worker's name. */
    public static PlainTextDroppingUpcaster referralAccepted1to2() {
        return new PlainTextDroppingUpcaster("ReferralAccepted", 1, "responsibleWorker");
    }

    @Override
    public String eventName() {
        return eventName;
    }

    @Override
    public int fromVersion() {
        return fromVersion;
    }

    @Override
    public ObjectNode upcast(ObjectNode event) {
        ObjectNode upcast = event.deepCopy();
        for (String field : sealedFields) {
            if (upcast.hasNonNull(field) && !isSealed(upcast.get(field).asText())) {
                upcast.put(field, Sealed.DROPPED_TEXT);
            }
        }
        return upcast;
    }

    private static boolean isSealed(String value) {
        return Sealed.DROPPED_TEXT.equals(value) || SEALED.matcher(value).matches();
    }
}
