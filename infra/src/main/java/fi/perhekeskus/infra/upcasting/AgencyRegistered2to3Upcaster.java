package fi.perhekeskus.infra.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** AgencyRegistered v3 may carry a contact address; a v2 agency has none (the field stays absent). */
public class AgencyRegistered2to3Upcaster implements JsonUpcaster {

    @Override
    public String eventName() {
        return "AgencyRegistered";
    }

    @Override
    public int fromVersion() {
        return 2;
    }

    @Override
    public ObjectNode upcast(ObjectNode event) {
        return event.deepCopy();
    }
}
