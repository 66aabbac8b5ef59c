package fi.perhekeskus.infra.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** FeedbackGiven v2 may say whether the premises suited; v1 feedback was not asked (the field stays absent). */
public class FeedbackGiven1to2Upcaster implements JsonUpcaster {

    @Override
    public String eventName() {
        return "FeedbackGiven";
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode event) {
        return event.deepCopy();
    }
}
