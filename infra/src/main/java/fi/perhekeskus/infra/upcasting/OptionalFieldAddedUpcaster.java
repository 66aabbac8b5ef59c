package fi.perhekeskus.infra.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A version that only adds an optional field: the older event reads as the newer one with the field
 * absent, which is what its producers knew.
 */
public final class OptionalFieldAddedUpcaster implements JsonUpcaster {

    private final String eventName;
    private final int fromVersion;

    private OptionalFieldAddedUpcaster(String eventName, int fromVersion) {
        this.eventName = eventName;
        this.fromVersion = fromVersion;
    }

    /** FeedbackGiven v2 may say whether the premises suited; v1 feedback was not asked. */
    public static OptionalFieldAddedUpcaster feedbackGiven1to2() {
        return new OptionalFieldAddedUpcaster("FeedbackGiven", 1);
    }

    /** FamilyRegistered v2: a child member's birthMonth, unknown for families registered before it. */
    public static OptionalFieldAddedUpcaster familyRegistered1to2() {
        return new OptionalFieldAddedUpcaster("FamilyRegistered", 1);
    }

    /** FamilyMemberAdded v2: the new child's birthMonth, unknown for members added before it. */
    public static OptionalFieldAddedUpcaster familyMemberAdded1to2() {
        return new OptionalFieldAddedUpcaster("FamilyMemberAdded", 1);
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
        return event.deepCopy();
    }
}
