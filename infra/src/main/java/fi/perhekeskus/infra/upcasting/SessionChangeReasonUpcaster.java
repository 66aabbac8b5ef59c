package fi.perhekeskus.infra.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.programme.SessionChangeReason;

/**
 * GroupSessionCancelled and GroupSessionRescheduled v2 replaced the free-text {@code reason} with a
 * {@code reasonCode} and a {@code note} sealed with the programme's key. A version 1 reason cannot
 * be sealed here (no key) nor mapped to a code (it is free text): it becomes code OTHER and, when
 * there was a reason, the note {@code "dropped"} (see {@link PlainTextDroppingUpcaster}).
 */
public class SessionChangeReasonUpcaster implements JsonUpcaster {

    private final String eventName;

    private SessionChangeReasonUpcaster(String eventName) {
        this.eventName = eventName;
    }

    public static SessionChangeReasonUpcaster groupSessionCancelled1to2() {
        return new SessionChangeReasonUpcaster("GroupSessionCancelled");
    }

    public static SessionChangeReasonUpcaster groupSessionRescheduled1to2() {
        return new SessionChangeReasonUpcaster("GroupSessionRescheduled");
    }

    @Override
    public String eventName() {
        return eventName;
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode event) {
        ObjectNode upcast = event.deepCopy();
        if (upcast.has("reasonCode")) {
            return upcast;
        }
        boolean hadReason = upcast.hasNonNull("reason") && !upcast.get("reason").asText().isBlank();
        upcast.remove("reason");
        upcast.put("reasonCode", SessionChangeReason.OTHER.name());
        if (hadReason) {
            upcast.put("note", Sealed.DROPPED_TEXT);
        }
        return upcast;
    }
}
